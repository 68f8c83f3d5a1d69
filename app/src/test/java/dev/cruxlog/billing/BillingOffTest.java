package dev.cruxlog.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.support.Browser;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Without Stripe configuration (the shared test configuration has none) billing is off, calmly. */
@CruxlogIntegrationTest
class BillingOffTest {

    @Autowired
    WebTestClient http;

    @Test
    void thePricingPageAndTheApiSayBillingIsOffAndNothingFails() {
        http.get().uri("/api/v1/billing/plans").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.enabled").isEqualTo(false)
                .jsonPath("$.plans.length()").isEqualTo(0)
                .jsonPath("$.free.coachQuestionsPerDay").isEqualTo(10);
        Document pricing = new Browser(http).get("/pricing").document();
        assertThat(pricing.select("#billing-off").text()).contains("not switched on");
        assertThat(pricing.select("#free-coach").text()).isEqualTo("10 questions a day");

        Climber climber = new Climbers(http).verified("no-billing");
        http.post().uri("/api/v1/billing/checkout").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("plan", "premium"))
                .exchange().expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("not switched on"));
        http.get().uri("/api/v1/billing/subscription").header("Authorization", climber.bearer()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.billingEnabled").isEqualTo(false).jsonPath("$.state").isEqualTo("none");
        http.post().uri("/api/v1/billing/webhook").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isEqualTo(503);
    }
}
