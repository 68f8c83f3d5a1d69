package dev.cruxlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue #15, point 13: every 4xx problem+json carries the request id the README promises
 * (the same as the X-Request-Id header), whoever produced it: a controller, a codec, a limit.
 */
@CruxlogIntegrationTest
class ProblemRequestIdsTest {

    @Autowired
    WebTestClient http;

    @Test
    void badAndOversizedRequestsAnswerProblemsWithTheirRequestId() {
        Climber climber = new Climbers(http).verified("problems");
        expectProblemWithId(http.post().uri("/api/v1/logbook/ticks").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{not json").exchange(), 400);
        expectProblemWithId(http.get().uri("/api/v1/logbook/ticks?limit=many").header("Authorization", climber.bearer())
                .exchange(), 400);
        expectProblemWithId(http.post().uri("/api/v1/logbook/ticks").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("route", "x".repeat(300_000), "date", "2024-01-01", "grade", "5.9")).exchange(), 413);
        expectProblemWithId(http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "not-an-address")).exchange(), 400);
        expectProblemWithId(http.post().uri("/api/v1/coach/conversations").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("[1,2").exchange(), 400);
    }

    private static void expectProblemWithId(WebTestClient.ResponseSpec response, int status) {
        EntityExchangeResult<String> result = response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult();
        String id = result.getResponseHeaders().getFirst("X-Request-Id");
        assertThat(id).isNotBlank();
        assertThat(result.getResponseBody()).contains("\"requestId\":\"" + id + "\"");
    }
}
