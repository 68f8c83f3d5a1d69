package dev.cruxlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Bad input to any module's API is answered one way, by the platform: 400 problem+json naming
 * the field in {@code errors}, the detail being the message alone (the field travels as a value,
 * never as a prefix some handler slices off).
 */
@CruxlogIntegrationTest
class InvalidInputProblemsTest {

    @Autowired
    WebTestClient http;

    @Test
    void everyModulesBadInputNamesItsFieldTheSameWay() {
        Climber climber = new Climbers(http).verified("invalid-input");
        assertNamesField(climber, HttpMethod.GET, "/api/v1/logbook/ticks?limit=lots", null, "limit", "a whole number");
        assertNamesField(climber, HttpMethod.GET, "/api/v1/logbook/ticks?cursor=forged", null, "cursor", "not one this API issued");
        assertNamesField(climber, HttpMethod.GET, "/api/v1/logbook/ticks?sort=height", null, "sort", "one of date");
        assertNamesField(climber, HttpMethod.PATCH, "/api/v1/analytics/pyramid/routes",
                Map.of("routeKey", "some route", "cruxAngle", "upside-down"), "cruxAngle", "one of slab");
        assertNamesField(climber, HttpMethod.PUT, "/api/v1/coach/profile", Map.of("yearsClimbing", 400), "yearsClimbing",
                "between 0 and");
    }

    private void assertNamesField(Climber climber, HttpMethod method, String uri, Object body, String field, String detail) {
        WebTestClient.RequestBodySpec request = http.method(method).uri(uri).header("Authorization", climber.bearer());
        WebTestClient.RequestHeadersSpec<?> sent = body == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        sent.exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.type").value(type -> assertThat((String) type).as(uri).endsWith("invalid-input"))
                .jsonPath("$.detail").value(text -> assertThat((String) text).as(uri).startsWith(detail))
                .jsonPath("$.requestId").exists();
    }
}
