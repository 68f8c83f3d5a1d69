package dev.cruxlog.logbook.adapter.in.web;

import java.time.LocalDate;
import java.util.UUID;

import dev.cruxlog.grades.Grades;
import dev.cruxlog.identity.Accounts;
import dev.cruxlog.identity.CurrentUser;
import dev.cruxlog.logbook.ImportView;
import dev.cruxlog.logbook.application.ImportService;
import dev.cruxlog.logbook.application.TickFilter;
import dev.cruxlog.logbook.application.TickService;
import dev.cruxlog.logbook.application.TickSort;
import dev.cruxlog.logbook.domain.ImportRejected;
import dev.cruxlog.logbook.domain.InvalidTickInput;
import dev.cruxlog.platform.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The logbook pages: the ticks table, the tick form, and "connect your logbook" with its
 * live import progress. They use the same services as the API; scripts only enhance them
 * (drag-and-drop, live progress), every form works without.
 */
@Controller
class LogbookPagesController {

    private final TickService ticks;
    private final ImportService imports;
    private final Accounts accounts;
    private final Grades grades;

    LogbookPagesController(TickService ticks, ImportService imports, Accounts accounts, Grades grades) {
        this.ticks = ticks;
        this.imports = imports;
        this.accounts = accounts;
        this.grades = grades;
    }

    /** The climber's reading settings (grade systems, length unit) for this page. */
    private Mono<TickDisplay> display(CurrentUser user) {
        return accounts.settings(user.id()).map(settings -> TickDisplay.of(grades, settings))
                .defaultIfEmpty(TickDisplay.of(grades, null));
    }

    @GetMapping("/logbook")
    Mono<String> logbook(@AuthenticationPrincipal CurrentUser user, @ModelAttribute TickFilters filters,
                         @RequestParam(required = false) String cursor, @RequestParam(required = false) String done,
                         @RequestParam(required = false) String undo, Model model) {
        model.addAttribute("title", "Your logbook · Cruxlog");
        model.addAttribute("filters", filters);
        model.addAttribute("here", ListAddress.of(filters, cursor));
        model.addAttribute("message", "saved".equals(done) ? "Tick saved." : "deleted".equals(done) ? "Tick deleted."
                : "restored".equals(done) ? "Tick brought back." : "confirmed".equals(done) ? "Date kept as it is." : null);
        // A delete is undone from the list it was made from: the tick's id comes back in the address.
        model.addAttribute("undo", "deleted".equals(done) ? uuidOrNull(undo) : null);
        return Mono.fromCallable(() -> new TickFilter(blankToNull(filters.discipline()), TickForm.parseDate("from", filters.from()),
                        TickForm.parseDate("to", filters.to()), ticks.gradeIndex(filters.minGrade()), ticks.gradeIndex(filters.maxGrade()),
                        filters.send() == null || filters.send().isBlank() ? null : Boolean.valueOf(filters.send()),
                        blankToNull(filters.q()), blankToNull(filters.tag()), "true".equals(filters.toConfirm()),
                        "true".equals(filters.datedInFuture())))
                .flatMap(filter -> ticks.page(user.id(), filter, TickSort.of(filters.sort()), cursor, 50))
                .zipWith(display(user), (page, display) -> {
                    model.addAttribute("display", display);
                    model.addAttribute("ticks", page.items().stream().map(TicksApiController::safe).toList());
                    model.addAttribute("nextCursor", page.nextCursor());
                    model.addAttribute("error", null);
                    return "logbook/ticks";
                })
                .onErrorResume(IllegalArgumentException.class, error -> display(user).map(display -> {
                    model.addAttribute("display", display);
                    model.addAttribute("ticks", java.util.List.of());
                    model.addAttribute("nextCursor", null);
                    // The list has no per-field marks: the message names the field (a filter, the page size).
                    model.addAttribute("error", InvalidInput.namingTheField(error));
                    return "logbook/ticks";
                }));
    }

    @GetMapping("/logbook/ticks/new")
    Mono<String> newTick(@AuthenticationPrincipal CurrentUser user, Model model) {
        return display(user).map(display -> tickForm(model, new TickForm("", LocalDate.now().toString(), "", "sport",
                "redpoint", "1", "", "", "", ""), null, null, display, ListAddress.LIST));
    }

    @PostMapping("/logbook/ticks")
    Mono<String> create(@AuthenticationPrincipal CurrentUser user, @ModelAttribute TickForm form, Model model,
                        ServerWebExchange exchange) {
        return display(user).flatMap(display -> Mono.fromCallable(() -> form.input(display.lengthUnit()))
                .flatMap(input -> ticks.create(user.id(), input))
                .thenReturn("redirect:/logbook?done=saved")
                .onErrorResume(IllegalArgumentException.class, error -> {
                    exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_ENTITY);
                    return Mono.just(tickForm(model, form, null, error, display, ListAddress.LIST));
                }));
    }

    @GetMapping("/logbook/ticks/{id}/edit")
    Mono<String> edit(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                      @RequestParam(required = false) String back, Model model) {
        return ticks.find(user.id(), id).switchIfEmpty(Mono.error(notFound()))
                .zipWith(display(user), (tick, display) -> {
                    String view = tickForm(model, TickForm.of(TicksApiController.safe(tick), display.lengthUnit()),
                            id, null, display, back);
                    model.addAttribute("disciplineToConfirm", !tick.disciplineConfirmed());
                    return view;
                });
    }

    /** Saved, back to the list as the climber left it ({@code back}, in the form's address). */
    @PostMapping("/logbook/ticks/{id}")
    Mono<String> update(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @ModelAttribute TickForm form,
                        @RequestParam(required = false) String back, Model model, ServerWebExchange exchange) {
        return display(user).flatMap(display -> Mono.fromCallable(() -> form.input(display.lengthUnit()))
                .flatMap(input -> ticks.update(user.id(), id, input))
                .switchIfEmpty(Mono.error(notFound()))
                .thenReturn("redirect:" + ListAddress.with(back, "done=saved"))
                .onErrorResume(IllegalArgumentException.class, error -> {
                    exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_ENTITY);
                    return Mono.just(tickForm(model, form, id, error, display, back));
                }));
    }

    @GetMapping("/logbook/deleted")
    Mono<String> deleted(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String done, Model model) {
        return ticks.deleted(user.id()).collectList().map(deleted -> {
            model.addAttribute("title", "Deleted ticks · Cruxlog");
            model.addAttribute("deleted", deleted);
            model.addAttribute("message", "restored".equals(done) ? "Tick brought back." : null);
            return "logbook/deleted";
        });
    }

    /** From the deleted ticks' page; or the list's "Undo" after a delete, which passes {@code back}. */
    @PostMapping("/logbook/deleted/{id}/restore")
    Mono<String> restore(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                         @RequestParam(required = false) String back) {
        return ticks.restore(user.id(), id)
                .map(tick -> "redirect:" + (back == null ? "/logbook/deleted?done=restored" : ListAddress.with(back, "done=restored")))
                .switchIfEmpty(Mono.error(notFound()));
    }

    @PostMapping("/logbook/ticks/{id}/confirm-date")
    Mono<String> confirmDate(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return ticks.confirmDate(user.id(), id).map(tick -> "redirect:/logbook?datedInFuture=true&done=confirmed")
                .switchIfEmpty(Mono.error(notFound()));
    }

    /** Deleted (kept among the deleted ticks), back to the list with an "Undo" for this tick. */
    @PostMapping("/logbook/ticks/{id}/delete")
    Mono<String> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                        @RequestParam(required = false) String back) {
        return ticks.delete(user.id(), id).flatMap(deleted -> deleted
                ? Mono.just("redirect:" + ListAddress.with(back, "done=deleted&undo=" + id))
                : Mono.error(notFound()));
    }

    @GetMapping("/logbook/import")
    Mono<String> connect(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String welcome,
                         Model model) {
        // Sign-up lands here with ?welcome=1 (identity's SignUpPageController).
        model.addAttribute("welcome", welcome != null);
        return renderConnect(user, model, null);
    }

    /** Without scripts the upload form posts here; with them, import.js posts to the API and shows progress in place. */
    @PostMapping("/logbook/import")
    Mono<String> upload(@AuthenticationPrincipal CurrentUser user, @RequestPart("file") FilePart file, Model model,
                        ServerWebExchange exchange) {
        return UploadedFiles.bytes(file, imports.limits())
                .flatMap(bytes -> imports.upload(user.id(), null, file.filename(), bytes))
                .transform(started -> importStartedOrRefused(started, user, model, exchange));
    }

    /** To the import's progress page, or back to the connect page saying why it was refused. */
    private Mono<String> importStartedOrRefused(Mono<ImportView> started, CurrentUser user, Model model,
                                                ServerWebExchange exchange) {
        return started.map(view -> "redirect:/logbook/imports/" + view.id())
                .onErrorResume(ImportRejected.class, error -> {
                    exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_ENTITY);
                    return renderConnect(user, model, error.getMessage());
                });
    }

    record ProfileForm(String profileUrl) {
    }

    @PostMapping("/logbook/import/profile")
    Mono<String> importProfile(@AuthenticationPrincipal CurrentUser user, @ModelAttribute ProfileForm form, Model model,
                               ServerWebExchange exchange) {
        return importStartedOrRefused(imports.fromMountainProjectProfile(user.id(), form.profileUrl()), user, model, exchange);
    }

    record EightAForm(String profileSlug) {
    }

    @PostMapping("/logbook/import/eight-a")
    Mono<String> importEightA(@AuthenticationPrincipal CurrentUser user, @ModelAttribute EightAForm form, Model model,
                              ServerWebExchange exchange) {
        return importStartedOrRefused(imports.fromEightAProfile(user.id(), form.profileSlug()), user, model, exchange);
    }

    @GetMapping("/logbook/imports/{id}")
    Mono<String> importStatus(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
        return imports.find(user.id(), id).switchIfEmpty(Mono.error(notFound())).map(found -> {
            model.addAttribute("title", "Import · Cruxlog");
            model.addAttribute("importView", found);
            return "logbook/import-status";
        });
    }

    /** The profiles saved in the account fill the profile forms, so a repeat import is one click. */
    private Mono<String> renderConnect(CurrentUser user, Model model, String error) {
        return imports.history(user.id()).collectList()
                .zipWith(accounts.find(user.id()).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()),
                        (history, account) -> {
                    model.addAttribute("title", "Connect your logbook · Cruxlog");
                    model.addAttribute("history", history);
                    model.addAttribute("error", error);
                    model.addAttribute("savedMountainProject", account
                            .map(dev.cruxlog.identity.AccountView::mountainProjectProfileUrl).orElse(null));
                    model.addAttribute("savedEightA", account
                            .map(dev.cruxlog.identity.AccountView::eightAProfileSlug).orElse(null));
                    return "logbook/connect";
                });
    }

    /**
     * The form; after a refusal ({@code invalid}, else null) with its message, at the field when the
     * rule named one ({@link InvalidTickInput}).
     */
    private static String tickForm(Model model, TickForm form, UUID id, IllegalArgumentException invalid, TickDisplay display,
                                   String back) {
        model.addAttribute("display", display);
        model.addAttribute("title", (id == null ? "Log a tick" : "Edit tick") + " · Cruxlog");
        model.addAttribute("tickForm", form);
        model.addAttribute("tickId", id == null ? null : id.toString());
        model.addAttribute("errorField", invalid instanceof InvalidTickInput tick ? tick.field() : null);
        model.addAttribute("error", invalid == null ? null : invalid.getMessage());
        model.addAttribute("back", ListAddress.safe(back));
        model.addAttribute("disciplineToConfirm", false);
        return "logbook/tick-form";
    }

    private static String uuidOrNull(String value) {
        try {
            return value == null ? null : UUID.fromString(value).toString();
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such item in your logbook.");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
