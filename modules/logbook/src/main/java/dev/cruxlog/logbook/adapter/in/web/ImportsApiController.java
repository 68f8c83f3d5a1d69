package dev.cruxlog.logbook.adapter.in.web;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import dev.cruxlog.identity.CurrentUser;
import dev.cruxlog.logbook.ImportView;
import dev.cruxlog.logbook.application.ImportService;
import dev.cruxlog.logbook.domain.ImportRejected;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/logbook/imports")
class ImportsApiController {

    private final ImportService imports;

    ImportsApiController(ImportService imports) {
        this.imports = imports;
    }

    record ProfileImport(String source, String profileUrl, String profileSlug) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload an export (multipart 'file', optional 'source'); answers 202 with the import")
    Mono<ResponseEntity<ImportView>> upload(@AuthenticationPrincipal CurrentUser user, @RequestPart("file") FilePart file,
                                            @RequestPart(name = "source", required = false) String source) {
        return UploadedFiles.bytes(file, imports.limits())
                .flatMap(bytes -> imports.upload(user.id(), source, file.filename(), bytes))
                .map(ImportsApiController::accepted);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import from a profile: {\"source\":\"mountain-project\",\"profileUrl\":...} or "
            + "{\"source\":\"eight-a\",\"profileSlug\":...} (public ascents only; never a password)")
    Mono<ResponseEntity<ImportView>> fromProfile(@AuthenticationPrincipal CurrentUser user, @RequestBody ProfileImport request) {
        String source = request.source() == null ? "" : request.source().trim();
        return switch (source) {
            case "mountain-project" -> imports.fromMountainProjectProfile(user.id(), request.profileUrl())
                    .map(ImportsApiController::accepted);
            case "eight-a" -> imports.fromEightAProfile(user.id(),
                    request.profileSlug() != null ? request.profileSlug() : request.profileUrl())
                    .map(ImportsApiController::accepted);
            default -> Mono.error(new ImportRejected("Importing from a profile works for sources 'mountain-project' "
                    + "(profileUrl) and 'eight-a' (profileSlug); for other logbooks, upload their export file."));
        };
    }

    @GetMapping
    @Operation(summary = "Your import history, newest first")
    Flux<ImportView> history(@AuthenticationPrincipal CurrentUser user) {
        return imports.history(user.id());
    }

    @GetMapping("/{id}")
    Mono<ImportView> one(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return imports.find(user.id(), id).switchIfEmpty(Mono.error(notFound()));
    }

    @GetMapping(value = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-sent progress events until the import finishes")
    Flux<ServerSentEvent<ImportView>> events(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id) {
        return imports.find(user.id(), id).switchIfEmpty(Mono.error(notFound()))
                .thenMany(pollEvery(PROGRESS_POLL, () -> imports.find(user.id(), id))
                        .distinctUntilChanged()
                        .takeUntil(ImportView::finished)
                        .map(view -> ServerSentEvent.builder(view).event(view.finished() ? "done" : "progress").build())
                        .take(Duration.ofMinutes(10)));
    }

    private static final Duration PROGRESS_POLL = Duration.ofMillis(500);

    /**
     * One lookup after another, each starting a period after the previous one answered.
     * {@code Flux.interval} ticked on regardless: when a lookup took longer than the period
     * (a busy database, 100 watchers) the ticks piled up and the stream died with
     * {@code OverflowException}, so 70 of 100 watchers never saw "done" (issue #15).
     */
    static <T> Flux<T> pollEvery(Duration period, Supplier<Mono<T>> lookup) {
        return Mono.defer(lookup).repeatWhen(answered -> answered.delayElements(period));
    }

    private static ResponseEntity<ImportView> accepted(ImportView view) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header(HttpHeaders.LOCATION, "/api/v1/logbook/imports/" + view.id())
                .body(view);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such import in your logbook.");
    }
}
