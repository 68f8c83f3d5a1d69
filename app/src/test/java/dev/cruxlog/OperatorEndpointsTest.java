package dev.cruxlog;

import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue #15, point 12: metrics and the platform's info describe the whole system, so they are
 * for administrators (and metrics for a scraper holding METRICS_TOKEN, which opens nothing else).
 */
@CruxlogIntegrationTest
class OperatorEndpointsTest {

    /** Set for every whole-app test context ({@link CruxlogIntegrationTest}). */
    static final String SCRAPE_TOKEN = "scrape-8d1f0c2e7a6b4c39a1d5e0f2b3c4d5e6";

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Test
    void infoAndMetricsAreForAdministratorsAndTheScraper() {
        Climber climber = new Climbers(http).verified("curious");
        Climber admin = new Climbers(http).admin("operator", db);

        http.get().uri("/api/v1/platform/info").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/v1/platform/info").header("Authorization", climber.bearer()).exchange().expectStatus().isForbidden();
        http.get().uri("/api/v1/platform/info").header("Authorization", admin.bearer()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.schemaVersions.identity").exists();

        http.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        http.get().uri("/actuator/prometheus").header("Authorization", climber.bearer()).exchange().expectStatus().isForbidden();
        http.get().uri("/actuator/prometheus").header("Authorization", admin.bearer()).exchange().expectStatus().isOk();
        http.get().uri("/actuator/prometheus").header("Authorization", "Bearer " + SCRAPE_TOKEN).exchange()
                .expectStatus().isOk().expectBody(String.class)
                .value(body -> org.assertj.core.api.Assertions.assertThat(body).contains("http_server_requests"));

        // The scrape token is not a climber: it opens nothing else.
        http.get().uri("/api/v1/logbook/ticks").header("Authorization", "Bearer " + SCRAPE_TOKEN).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/v1/platform/info").header("Authorization", "Bearer " + SCRAPE_TOKEN).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }
}
