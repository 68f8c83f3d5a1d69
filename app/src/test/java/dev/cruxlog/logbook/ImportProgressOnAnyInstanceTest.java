package dev.cruxlog.logbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.SecondInstance;
import dev.cruxlog.support.SharedExports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Issue #18 (R5, the progress half): an import runs on whichever instance's worker claims its
 * job, and a climber's progress stream may be served by any other. The stream reads the
 * import's row, so a watcher on an instance that runs no jobs at all follows it to the end.
 */
@CruxlogIntegrationTest
class ImportProgressOnAnyInstanceTest {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT =
            new ParameterizedTypeReference<>() {
            };

    @Autowired
    WebTestClient http;

    @Test
    void aWatcherOnAnInstanceThatRunsNoJobsSeesTheImportFinish() {
        Climber climber = new Climbers(http).verified("progress-elsewhere");
        WebTestClient other = SecondInstance.onTheSharedDatabase().http();
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(SharedExports.bytes("mountain-project/ticks-sport-trad-567.csv")) {
            @Override
            public String getFilename() {
                return "ticks.csv";
            }
        });
        Map<String, Object> started = http.post().uri("/api/v1/logbook/imports").header("Authorization", climber.bearer())
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build()))
                .exchange().expectStatus().isAccepted().expectBody(MAP).returnResult().getResponseBody();

        List<ServerSentEvent<Map<String, Object>>> events = other.get()
                .uri("/api/v1/logbook/imports/" + started.get("id") + "/events")
                .header("Authorization", climber.bearer()).accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isOk().returnResult(EVENT).getResponseBody()
                .collectList().block(Duration.ofSeconds(90));

        ServerSentEvent<Map<String, Object>> last = events.get(events.size() - 1);
        assertThat(last.event()).isEqualTo("done");
        assertThat(last.data().get("status")).isEqualTo("succeeded");
        Map<String, Object> here = http.get().uri("/api/v1/logbook/imports/" + started.get("id"))
                .header("Authorization", climber.bearer()).exchange().expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody();
        assertThat(last.data().get("ticksAdded")).isEqualTo(here.get("ticksAdded"));
        assertThat(((Number) here.get("ticksAdded")).intValue()).isGreaterThan(500);
    }
}
