package dev.cruxlog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.support.Browser;
import dev.cruxlog.support.Browser.Page;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** The first two minutes: the landing page, the sample logbook, terms and privacy. */
@CruxlogIntegrationTest
class FirstRunTest {

    @Autowired
    WebTestClient http;

    @Test
    void oneClickOnTheLandingPageShowsAFullDashboard() {
        Browser browser = new Browser(http);
        Document landing = browser.get("/").document();
        assertThat(landing.select("figure.showcase img").attr("alt")).contains("dashboard");
        Page started = browser.post("/try", Map.of());
        assertThat(started.status().value()).isEqualTo(303);
        assertThat(started.location()).startsWith("/logbook/imports/");
        assertThat(browser.cookies()).containsKey("CRUXLOG_SESSION");

        Document done = Flux.interval(Duration.ZERO, Duration.ofMillis(250))
                .publishOn(Schedulers.boundedElastic())
                .map(tick -> browser.get(started.location()).document())
                .filter(page -> page.select("h1").text().contains("succeeded"))
                .blockFirst(Duration.ofSeconds(60));
        assertThat(done.select("#progress-label").text()).contains("567 ticks added");
        Document dashboard = browser.get("/dashboard").document();
        assertThat(dashboard.select("#stat-ticks").text()).isEqualTo("567");
        assertThat(dashboard.select("nav a[href=/account]").text()).startsWith("guest-");
        // Its only banner says it is a sample, and how to keep it (no "confirm your email" for a guest).
        assertThat(dashboard.select(".banner").eachText()).singleElement().asString().contains("sample logbook");
    }

    @Test
    void termsAndPrivacyAreForEveryone() {
        http.get().uri("/terms").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html).contains("Terms of use"));
        http.get().uri("/privacy").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .expectBody(String.class).value(html -> assertThat(html).contains("never asks for your 8a.nu")
                        // Every outside party Cruxlog sends a climber's data to is named.
                        .contains("Mountain Project and 8a.nu").contains("language model").contains("Stripe")
                        .contains("Have I Been Pwned"));
    }
}
