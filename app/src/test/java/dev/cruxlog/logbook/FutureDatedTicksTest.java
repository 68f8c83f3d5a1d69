package dev.cruxlog.logbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.support.Browser;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.LogbookImports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue #16: a tick dated in the future (a typo: 2062 for 2026) is kept but flagged; it stays out
 * of recent windows (recent hard sends, the coach's last 30 days) and the logbook lists such ticks
 * in one place, where the climber fixes the date or keeps it. The future starts after tomorrow,
 * so a climber ahead of UTC never sees today's climb flagged.
 */
@CruxlogIntegrationTest
class FutureDatedTicksTest {

    private static final String HEADER = "Date,Route,Rating,Notes,URL,Pitches,Location,Avg Stars,Your Stars,Style,Lead Style,"
            + "Route Type,Your Rating,Length,Rating Code\n";

    @Autowired
    WebTestClient http;

    @Test
    @SuppressWarnings("unchecked")
    void aFutureTickIsKeptFlaggedLeftOutOfRecentWindowsAndFixedOrKeptInOnePlace() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate typo = today.plusYears(36);
        String file = HEADER
                + today.minusDays(3) + ",Recent Route,5.10a,,,1,Nevada > Red Rocks,3,,Lead,Redpoint,Sport,,80,\n"
                + today.minusDays(2) + ",Seconded,5.11a,Emma led,,1,Nevada > Red Rocks,3,,Follow,,Sport,,80,\n"
                + today.plusDays(1) + ",Tomorrow In Auckland,5.9,,,1,Nevada > Red Rocks,3,,Lead,Onsight,Sport,,80,\n"
                + typo + ",Typo Route,5.13a,,,1,Nevada > Red Rocks,3,,Lead,Redpoint,Sport,,80,\n";
        Climber climber = new Climbers(http).verified("future-ticks");
        LogbookImports imports = new LogbookImports(http);
        Map<String, Object> done = imports.upload(climber, file.getBytes(StandardCharsets.UTF_8), "ticks.csv", null);
        assertThat(done.get("status")).isEqualTo("succeeded");
        assertThat(done.get("ticksAdded")).isEqualTo(4);
        List<Map<String, Object>> warnings = (List<Map<String, Object>>) done.get("warnings");
        assertThat(warnings).filteredOn(w -> w.get("message").toString().contains("in the future"))
                .singleElement().satisfies(w -> assertThat(w.get("message").toString()).contains(typo.toString()));

        // Kept, and flagged: only the typo is "dated in the future"; tomorrow is not.
        List<Map<String, Object>> all = imports.ticks(climber);
        assertThat(all).hasSize(4);
        assertThat(all).filteredOn(tick -> Boolean.TRUE.equals(tick.get("datedInFuture"))).extracting(tick -> tick.get("route"))
                .containsExactly("Typo Route");
        List<Map<String, Object>> flagged = list(climber, "/api/v1/logbook/ticks?datedInFuture=true");
        assertThat(flagged).extracting(tick -> tick.get("route")).containsExactly("Typo Route");

        // Out of recent windows: recent hard sends, and the coach's last 30 days.
        Map<String, Object> overview = get(climber, "/api/v1/analytics/overview");
        assertThat((List<Map<String, Object>>) overview.get("recentHardSends")).extracting(send -> send.get("route"))
                .contains("Recent Route").doesNotContain("Typo Route");
        assertThat(coachInsights(climber)).contains("In the last 30 days: 3 ticks on 3 days, 2 of them sends; the hardest was "
                + "Recent Route (5.10a).");

        // Keeping the date clears the flag, in the API and on the page.
        String typoId = flagged.get(0).get("id").toString();
        http.post().uri("/api/v1/logbook/ticks/" + typoId + "/confirm-date").header("Authorization", climber.bearer())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.datedInFuture").isEqualTo(false);
        assertThat(list(climber, "/api/v1/logbook/ticks?datedInFuture=true")).isEmpty();
        // Another climber cannot confirm it: not theirs, so not found.
        Climber stranger = new Climbers(http).verified("future-stranger");
        http.post().uri("/api/v1/logbook/ticks/" + typoId + "/confirm-date").header("Authorization", stranger.bearer())
                .exchange().expectStatus().isNotFound();

        // A new date is confirmed for that date only: fixing it to another future date flags it again.
        http.patch().uri("/api/v1/logbook/ticks/" + typoId).header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("date", typo.plusDays(1).toString()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.datedInFuture").isEqualTo(true);

        // The page lists it with its badge and a "Keep date" button; keeping it empties the list.
        Browser browser = new Browser(http);
        browser.get("/signin");
        browser.post("/signin", Map.of("login", climber.username(), "password", climber.password()));
        var page = browser.get("/logbook?datedInFuture=true").document();
        assertThat(page.select("table.data tbody tr")).hasSize(1);
        assertThat(page.select("table.data tbody tr").text()).contains("Typo Route").contains("future");
        Browser.Page kept = browser.post("/logbook/ticks/" + typoId + "/confirm-date", Map.of());
        assertThat(kept.status().value()).isEqualTo(303);
        assertThat(browser.get("/logbook?datedInFuture=true").document().select("table.data tbody tr")).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private String coachInsights(Climber climber) {
        String conversation = http.post().uri("/api/v1/coach/conversations").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        http.post().uri("/api/v1/coach/conversations/" + conversation + "/messages").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM)
                .bodyValue(Map.of("content", "How was my month?")).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult();
        List<Map<String, Object>> messages = (List<Map<String, Object>>) (List<?>) http.get()
                .uri("/api/v1/coach/conversations/" + conversation + "/messages").header("Authorization", climber.bearer())
                .exchange().expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody();
        return messages.get(1).get("content").toString();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(Climber climber, String uri) {
        return (List<Map<String, Object>>) get(climber, uri).get("items");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> get(Climber climber, String uri) {
        return http.get().uri(uri).header("Authorization", climber.bearer()).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }
}
