package dev.cruxlog.logbook.adapter.in.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import dev.cruxlog.identity.CurrentUser;
import dev.cruxlog.logbook.TickView;
import dev.cruxlog.logbook.application.TickFilter;
import dev.cruxlog.logbook.application.TickPageJson;
import dev.cruxlog.logbook.application.TickService;
import dev.cruxlog.logbook.application.TickSort;
import dev.cruxlog.logbook.application.Ticks;
import dev.cruxlog.logbook.domain.CsvExport;
import dev.cruxlog.logbook.domain.HandEnteredTick;
import dev.cruxlog.logbook.domain.PlainText;
import dev.cruxlog.platform.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The signed-in climber's ticks. Every query is scoped to them; other climbers' ticks are 404s. */
@RestController
@RequestMapping("/api/v1/logbook")
@Tag(name = "Logbook", description = "Ticks, imports and export")
class TicksApiController {

    private final TickService ticks;

    TicksApiController(TickService ticks) {
        this.ticks = ticks;
    }

    record TickPage(List<TickView> items, String nextCursor) {
    }

    @GetMapping(value = "/ticks", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Your ticks with filters, sorting (sort=date, date,asc, grade, grade,asc) and keyset pagination (limit + cursor)")
    @Parameter(name = "discipline", in = ParameterIn.QUERY, description = "sport, trad, tr, boulder, alpine, ice, mixed, aid, snow")
    @Parameter(name = "from", in = ParameterIn.QUERY, description = "first day (YYYY-MM-DD)")
    @Parameter(name = "to", in = ParameterIn.QUERY, description = "last day (YYYY-MM-DD)")
    @Parameter(name = "minGrade", in = ParameterIn.QUERY, description = "lowest grade, in any system")
    @Parameter(name = "maxGrade", in = ParameterIn.QUERY, description = "highest grade, in any system")
    @Parameter(name = "send", in = ParameterIn.QUERY, description = "true: sends only; false: the rest")
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "words in the route or the place")
    @Parameter(name = "tag", in = ParameterIn.QUERY, description = "one of your tags")
    @Parameter(name = "sort", in = ParameterIn.QUERY, description = "date (default), date,asc, grade, grade,asc")
    @Parameter(name = "toConfirm", in = ParameterIn.QUERY, description = "true: ticks whose discipline awaits your word")
    @Parameter(name = "datedInFuture", in = ParameterIn.QUERY,
            description = "true: ticks dated after tomorrow that you have not confirmed (fix the date, or confirm it)")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "ticks per page, 1 to 200 (default 50)")
    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "nextCursor of the previous page")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = TickPage.class)))
    Mono<DataBuffer> list(@AuthenticationPrincipal CurrentUser user,
                          @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
                          ServerWebExchange exchange) {
        return Mono.fromCallable(() -> TickListQuery.of(params))
                .flatMap(query -> ticks.pageJson(user.id(), new TickFilter(query.discipline(), query.from(), query.to(),
                                ticks.gradeIndex(query.minGrade()), ticks.gradeIndex(query.maxGrade()), query.send(), query.q(),
                                query.tag(), query.toConfirm(), query.datedInFuture()), TickSort.of(query.sort()), query.cursor(),
                                query.limit()))
                .map(page -> pageBody(page, exchange.getResponse()))
                .doOnDiscard(TickPageJson.class, TickPageJson::release);
    }

    private static final byte[] ITEMS = "{\"items\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LAST_PAGE = ",\"nextCursor\":null}".getBytes(StandardCharsets.US_ASCII);

    /**
     * {@link TickPage} as JSON: the database's items array between a constant head and the
     * cursor, with the length announced. The items are the database driver's buffer itself, so
     * the page is never copied on the heap (once it was copied into a joined array, then out of
     * the driver; docs/benchmarks.md). The three parts are joined into one buffer (on Netty a
     * composite over them, no copy) and answered as a {@code Mono}: Spring releases a single
     * body buffer whether it is written, fails or is cancelled, where three buffers of a
     * {@code Flux} not yet emitted would be dropped without release. A cursor is base64url, so it
     * needs no escaping.
     */
    static DataBuffer pageBody(TickPageJson page, ServerHttpResponse response) {
        try {
            byte[] tail = page.next() == null ? LAST_PAGE
                    : (",\"nextCursor\":\"" + page.next().encode() + "\"}").getBytes(StandardCharsets.US_ASCII);
            response.getHeaders().setContentLength((long) ITEMS.length + page.items().readableByteCount() + tail.length);
            DataBufferFactory buffers = response.bufferFactory();
            // Head and tail from the response's allocator (on Netty direct, as the items are): a
            // composite with a heap part is copied whole into a direct buffer before the socket.
            return buffers.join(List.of(buffers.allocateBuffer(ITEMS.length).write(ITEMS), page.items(),
                    buffers.allocateBuffer(tail.length).write(tail)));
        } catch (RuntimeException e) {
            page.release();
            throw e;
        }
    }

    @GetMapping("/ticks/{id}")
    Mono<TickView> one(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return ticks.find(user.id(), id).map(TicksApiController::safe).switchIfEmpty(notFound());
    }

    @PostMapping("/ticks")
    @Operation(summary = "Log a tick by hand")
    Mono<ResponseEntity<TickView>> create(@AuthenticationPrincipal CurrentUser user,
                                          @RequestBody HandEnteredTick input) {
        return ticks.create(user.id(), input).map(tick -> ResponseEntity.status(HttpStatus.CREATED)
                .header(HttpHeaders.LOCATION, "/api/v1/logbook/ticks/" + tick.id()).body(safe(tick)));
    }

    /** Partial: fields not given keep their value. */
    @PatchMapping("/ticks/{id}")
    @Operation(summary = "Edit a tick; fields you leave out keep their value")
    Mono<TickView> update(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
                          @RequestBody HandEnteredTick change) {
        return ticks.find(user.id(), id)
                .switchIfEmpty(notFound())
                .flatMap(current -> ticks.update(user.id(), id, new HandEnteredTick(
                        change.route() != null ? change.route() : current.route(),
                        change.date() != null ? change.date() : current.date(),
                        change.grade() != null ? change.grade() : current.grade(),
                        change.discipline() != null ? change.discipline() : current.discipline(),
                        change.style() != null ? change.style() : current.style(),
                        change.pitches() != null ? change.pitches() : current.pitches(),
                        change.lengthFt() != null ? change.lengthFt() : current.lengthFt(),
                        change.location() != null ? change.location() : String.join(" > ", current.locationPath()),
                        change.notes() != null ? change.notes() : current.notes(),
                        change.tags() != null ? change.tags() : current.tags())))
                .map(TicksApiController::safe);
    }

    @GetMapping("/deleted-ticks")
    @Operation(summary = "Imported ticks you deleted: a re-import skips them until you bring them back")
    Flux<Ticks.DeletedTick> deleted(@AuthenticationPrincipal CurrentUser user) {
        return ticks.deleted(user.id());
    }

    @PostMapping("/deleted-ticks/{id}/restore")
    @Operation(summary = "Bring a deleted imported tick back exactly as it was")
    Mono<TickView> restore(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return ticks.restore(user.id(), id).switchIfEmpty(notFound()).map(TicksApiController::safe);
    }

    @PostMapping("/ticks/{id}/confirm-date")
    @Operation(summary = "Keep a tick's future date as it is: it is no longer flagged (datedInFuture false)")
    Mono<TickView> confirmDate(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return ticks.confirmDate(user.id(), id).switchIfEmpty(notFound()).map(TicksApiController::safe);
    }

    @DeleteMapping("/ticks/{id}")
    Mono<ResponseEntity<Void>> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return ticks.delete(user.id(), id).flatMap(deleted -> deleted ? Mono.just(ResponseEntity.noContent().<Void>build())
                : notFound());
    }

    @GetMapping("/export")
    @Operation(summary = "Your whole logbook as CSV (Mountain Project's columns first)")
    Mono<ResponseEntity<Flux<String>>> export(@AuthenticationPrincipal CurrentUser user,
                                              @RequestParam(defaultValue = "csv") String format) {
        if (!format.equals("csv")) {
            return Mono.error(new InvalidInput("format", "only csv is available."));
        }
        Flux<String> body = Flux.concat(Flux.just(CsvExport.header()), ticks.forExport(user.id()).map(CsvExport::row));
        return Mono.just(ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cruxlog-ticks.csv\"")
                .body(body));
    }

    /** Notes are the climber's own text, but they may have come from anywhere: no markup survives. */
    static TickView safe(TickView tick) {
        if (tick.notes() == null) {
            return tick;
        }
        return new TickView(tick.id(), tick.date(), tick.route(), tick.grade(), tick.gradeSystem(), tick.gradeIndex(),
                tick.gradeLevel(), tick.protection(), tick.discipline(), tick.disciplineConfirmed(), tick.send(), tick.style(),
                tick.pitches(), tick.lengthFt(), tick.location(), tick.locationPath(), tick.routeUrl(),
                PlainText.of(tick.notes()), tick.routeStars(), tick.userStars(), tick.source(), tick.tags(),
                tick.alsoLoggedIn(), tick.datedInFuture());
    }

    private static <T> Mono<T> notFound() {
        return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "No such tick in your logbook."));
    }
}
