package dev.cruxlog.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cruxlog.support.Climbers.Climber;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** Starting imports through the public API and waiting for them, as a client would; results as plain maps. */
public final class LogbookImports {

    private final WebTestClient http;

    public LogbookImports(WebTestClient http) {
        this.http = http;
    }

    /** Imports one of the shared exports (a path under ../shared/data) and returns its id; it must succeed. */
    public UUID importShared(Climber climber, String sharedPath) {
        Map<String, Object> result = upload(climber, SharedExports.bytes(sharedPath),
                sharedPath.substring(sharedPath.lastIndexOf('/') + 1), null);
        assertThat(result.get("status")).as(sharedPath).isEqualTo("succeeded");
        return UUID.fromString((String) result.get("id"));
    }

    /** Uploads a file (source may be null: detected) and waits for the import to finish. */
    public Map<String, Object> upload(Climber climber, byte[] content, String fileName, String source) {
        return awaitFinished(climber, start(climber, content, fileName, source));
    }

    /** Uploads a file (source may be null: detected) and returns the queued import's id without waiting. */
    public String start(Climber climber, byte[] content, String fileName, String source) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }).contentType(MediaType.APPLICATION_OCTET_STREAM);
        if (source != null) {
            body.part("source", source);
        }
        Map<String, Object> started = http.post().uri("/api/v1/logbook/imports").header("Authorization", climber.bearer())
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build()))
                .exchange().expectStatus().isAccepted().expectBody(MAP).returnResult().getResponseBody();
        return started.get("id").toString();
    }

    /** The import's status now: queued, running, succeeded or failed. */
    public String status(Climber climber, String id) {
        return String.valueOf(http.get().uri("/api/v1/logbook/imports/" + id).header("Authorization", climber.bearer())
                .exchange().expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody().get("status"));
    }

    /** Starts an import from a profile ({"source":..., ...}) and waits for it to finish. */
    public Map<String, Object> fromProfile(Climber climber, Map<String, String> request) {
        Map<String, Object> started = http.post().uri("/api/v1/logbook/imports").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(request)
                .exchange().expectStatus().isAccepted().expectBody(MAP).returnResult().getResponseBody();
        return awaitFinished(climber, started.get("id").toString());
    }

    public Map<String, Object> awaitFinished(Climber climber, String id) {
        return Flux.interval(Duration.ZERO, Duration.ofMillis(200))
                .publishOn(Schedulers.boundedElastic())
                .map(tick -> http.get().uri("/api/v1/logbook/imports/" + id).header("Authorization", climber.bearer())
                        .exchange().expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody())
                .filter(found -> "succeeded".equals(found.get("status")) || "failed".equals(found.get("status")))
                .blockFirst(Duration.ofSeconds(90));
    }

    /** Every tick the climber sees, following the cursor. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> ticks(Climber climber) {
        List<Map<String, Object>> all = new ArrayList<>();
        Object cursor = null;
        do {
            Map<String, Object> page = http.get().uri("/api/v1/logbook/ticks?limit=200" + (cursor == null ? "" : "&cursor=" + cursor))
                    .header("Authorization", climber.bearer()).exchange().expectStatus().isOk()
                    .expectBody(MAP).returnResult().getResponseBody();
            all.addAll((List<Map<String, Object>>) page.get("items"));
            cursor = page.get("nextCursor");
        } while (cursor != null);
        return all;
    }

    private static final org.springframework.core.ParameterizedTypeReference<Map<String, Object>> MAP =
            new org.springframework.core.ParameterizedTypeReference<>() {
            };
}
