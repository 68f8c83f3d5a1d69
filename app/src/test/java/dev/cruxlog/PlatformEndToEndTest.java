package dev.cruxlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The platform's whole path over HTTP: controller, use case, port, R2DBC adapter, PostgreSQL. */
@CruxlogIntegrationTest
class PlatformEndToEndTest {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Test
    void infoReadsServerTimeAndSchemaVersionsThroughR2dbc() {
        Climber admin = new Climbers(http).admin("operator", db);
        http.get().uri("/api/v1/platform/info").header("Authorization", admin.bearer()).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.application").isEqualTo("cruxlog")
                .jsonPath("$.databaseServer").value(String.class, v -> assertThat(v).startsWith("PostgreSQL"))
                .jsonPath("$.databaseTime").value(String.class,
                        v -> assertThat(OffsetDateTime.parse(v)).isAfter(OffsetDateTime.now().minusHours(1)))
                .jsonPath("$.schemaVersions.platform").isEqualTo("1");
    }

    @Test
    void healthIsUpAndIncludesTheDatabase() {
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.r2dbc.status").isEqualTo("UP");
    }

    @Test
    void prometheusExposesConnectionPoolGauges() {
        Climber admin = new Climbers(http).admin("scraper", db);
        http.get().uri("/actuator/prometheus").header("Authorization", admin.bearer()).exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("r2dbc_pool_max_allocated_connections")
                        .contains("r2dbc_pool_acquired_connections"));
    }

    @Test
    void openApiIsGroupedPerModule() {
        http.get().uri("/v3/api-docs/platform").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/platform/info']").exists();
        // Every module with an API has its group, holding its own paths and no other module's.
        Map.of("identity", "/api/v1/auth/token", "logbook", "/api/v1/logbook/ticks", "analytics", "/api/v1/analytics/overview",
                "coach", "/api/v1/coach/conversations", "billing", "/api/v1/billing/plans", "grades", "/api/v1/grades/systems")
                .forEach((group, path) -> http.get().uri("/v3/api-docs/" + group).exchange()
                        .expectStatus().isOk()
                        .expectBody()
                        .jsonPath("$.paths['" + path + "']").exists()
                        .jsonPath("$.paths['/api/v1/platform/info']").doesNotExist());
        http.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    }

    @Test
    void everyResponseCarriesARequestIdAndAGivenOneIsEchoed() {
        http.get().uri("/api/v1/platform/info").exchange()
                .expectHeader().value("X-Request-Id", id -> assertThat(id).matches("[0-9a-f]{32}"));
        http.get().uri("/api/v1/platform/info").header("X-Request-Id", "trace-me-0001").exchange()
                .expectHeader().valueEquals("X-Request-Id", "trace-me-0001");
    }

    @Test
    void validationErrorsAreProblemJsonListingEveryField() {
        http.post().uri("/api/v1/test/probe").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"route\":\"\",\"pitches\":0}")
                .header("X-Request-Id", "validation-0001")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.title").isEqualTo("Invalid request")
                .jsonPath("$.requestId").isEqualTo("validation-0001")
                .jsonPath("$.instance").isEqualTo("/api/v1/test/probe")
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[?(@.field == 'route')]").exists()
                .jsonPath("$.errors[?(@.field == 'pitches')]").exists();
    }

    @Test
    void malformedJsonIsAProblemToo() {
        http.post().uri("/api/v1/test/probe").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{not json")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(400);
    }

    @Test
    void unexpectedErrorsAreProblemJsonWithoutInternals() {
        http.post().uri("/api/v1/test/explode").exchange()
                .expectStatus().is5xxServerError()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("\"status\":500").doesNotContain("secret internal detail"));
    }

    @Test
    void anonymousApiCallsOutsideThePublicPathsAreProblemJson401() {
        http.get().uri("/api/v1/no-such-thing").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.requestId").exists();
    }

    @Test
    void anonymousVisitorsOfPrivatePagesAreSentToSignIn() {
        http.get().uri("/no-such-page").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isSeeOther()
                .expectHeader().valueEquals("Location", "/signin?next=/no-such-page");
    }

    @Test
    void unknownPublicPagesGetAFriendlyHtmlPage() {
        String html = http.get().uri("/css/no-such-file.css").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        Document page = Jsoup.parse(html);
        assertThat(page.title()).isEqualTo("Page not found");
        assertThat(page.select(".error-code").text()).isEqualTo("404");
        assertThat(page.select("a[href=/]")).isNotEmpty();
        assertThat(page.select("nav[aria-label=Main]")).hasSize(1);
    }

    @Test
    void landingPageRendersInTheLayoutWithItsAssets() {
        String html = http.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        Document page = Jsoup.parse(html);
        assertThat(page.select("h1").text()).contains("climbing logbook");
        assertThat(page.select("meta[name=description]").attr("content")).isNotBlank();
        assertThat(page.select("link[rel=stylesheet]").attr("href")).isEqualTo("/css/cruxlog.css");
        assertThat(page.select("footer")).hasSize(1);
        http.get().uri("/css/cruxlog.css").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/css");
        http.get().uri("/img/logo.svg").exchange().expectStatus().isOk();
    }
}
