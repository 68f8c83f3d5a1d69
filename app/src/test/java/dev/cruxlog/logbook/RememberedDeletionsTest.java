package dev.cruxlog.logbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.support.Browser;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.LogbookImports;
import dev.cruxlog.support.SharedExports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue #16: a tick the climber deleted came back on the next re-import without a word. Now a
 * deleted imported tick is remembered: the re-import skips it and its summary says how many and
 * why, and the climber brings it back, exactly as it was, from their deleted ticks.
 */
@CruxlogIntegrationTest
class RememberedDeletionsTest {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    @Autowired
    WebTestClient http;

    @Autowired
    org.springframework.r2dbc.core.DatabaseClient db;

    @Test
    @SuppressWarnings("unchecked")
    void aDeletedImportedTickStaysDeletedOnReImportAndComesBackExactlyAsItWas() {
        byte[] file = SharedExports.bytes("mountain-project/ticks-small-4.csv");
        int rows = SharedExports.rows(file).size();
        Climber climber = new Climbers(http).verified("deleter");
        LogbookImports imports = new LogbookImports(http);
        imports.upload(climber, file, "ticks.csv", null);
        List<Map<String, Object>> before = imports.ticks(climber);
        assertThat(before).hasSize(rows);

        Map<String, Object> doomed = before.get(0);
        String id = doomed.get("id").toString();
        http.delete().uri("/api/v1/logbook/ticks/" + id).header("Authorization", climber.bearer()).exchange()
                .expectStatus().isNoContent();
        // A hand-entered tick is remembered too, so its deletion can be undone (issue #19); with no
        // source key, no re-import skips anything for it.
        String manual = http.post().uri("/api/v1/logbook/ticks").header("Authorization", climber.bearer())
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("route", "Hand Entered", "date", "2024-05-01", "grade", "5.9", "discipline", "sport",
                        "style", "redpoint"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        http.delete().uri("/api/v1/logbook/ticks/" + manual).header("Authorization", climber.bearer()).exchange()
                .expectStatus().isNoContent();
        assertThat(deletedTicks(climber)).extracting(tick -> tick.get("id")).containsExactly(manual, id);

        List<Map<String, Object>> deleted = deletedTicks(climber).stream().filter(tick -> id.equals(tick.get("id"))).toList();
        assertThat(deleted).singleElement().satisfies(tick -> assertThat(tick).containsEntry("id", id)
                .containsEntry("route", doomed.get("route")).containsEntry("date", doomed.get("date"))
                .containsEntry("source", "mountain-project"));

        // The same file again: the deleted tick stays deleted, and the summary says so.
        Map<String, Object> again = imports.upload(climber, file, "ticks.csv", null);
        assertThat(again.get("status")).isEqualTo("succeeded");
        assertThat(again.get("ticksAdded")).isEqualTo(0);
        assertThat(again.get("ticksKeptDeleted")).isEqualTo(1);
        assertThat(again.get("ticksUnchanged")).isEqualTo(rows - 1);
        assertThat((List<Map<String, Object>>) again.get("warnings")).extracting(w -> w.get("message").toString())
                .anySatisfy(message -> assertThat(message).startsWith("1 tick of this file you had deleted was not imported"));
        assertThat(imports.ticks(climber)).extracting(tick -> tick.get("id")).doesNotContain(id).hasSize(rows - 1);

        // Nobody else sees or restores it.
        Climber stranger = new Climbers(http).verified("not-the-deleter");
        assertThat(deletedTicks(stranger)).isEmpty();
        http.post().uri("/api/v1/logbook/deleted-ticks/" + id + "/restore").header("Authorization", stranger.bearer())
                .exchange().expectStatus().isNotFound();

        // A deletion remembered before a column existed (here: the row as V9 found it, without
        // future_date_confirmed) comes back with that column's default, not a refused NULL.
        db.sql("UPDATE logbook.deleted_tick SET tick = tick - 'future_date_confirmed' WHERE id = :id")
                .bind("id", java.util.UUID.fromString(id)).then().block(java.time.Duration.ofSeconds(10));

        // Brought back from the page: the same tick, every field as it was.
        Browser browser = new Browser(http);
        browser.get("/signin");
        browser.post("/signin", Map.of("login", climber.username(), "password", climber.password()));
        assertThat(browser.get("/logbook/deleted").document().select("#deleted-ticks tbody tr").text())
                .contains((String) doomed.get("route"));
        assertThat(browser.post("/logbook/deleted/" + id + "/restore", Map.of()).status().value()).isEqualTo(303);
        List<Map<String, Object>> after = imports.ticks(climber);
        assertThat(after).hasSize(rows);
        assertThat(after).filteredOn(tick -> id.equals(tick.get("id"))).singleElement()
                .satisfies(tick -> assertThat(tick).isEqualTo(doomed));
        assertThat(deletedTicks(climber)).extracting(tick -> tick.get("id")).containsExactly(manual);
        http.post().uri("/api/v1/logbook/deleted-ticks/" + id + "/restore").header("Authorization", climber.bearer())
                .exchange().expectStatus().isNotFound();
        // The hand-entered one comes back as well.
        http.post().uri("/api/v1/logbook/deleted-ticks/" + manual + "/restore").header("Authorization", climber.bearer())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.route").isEqualTo("Hand Entered");
        assertThat(deletedTicks(climber)).isEmpty();
        http.delete().uri("/api/v1/logbook/ticks/" + manual).header("Authorization", climber.bearer()).exchange()
                .expectStatus().isNoContent();

        // Once back, a re-import treats it as any other tick.
        Map<String, Object> third = imports.upload(climber, file, "ticks.csv", null);
        assertThat(third.get("ticksKeptDeleted")).isEqualTo(0);
        assertThat(third.get("ticksUnchanged")).isEqualTo(rows);
    }

    private List<Map<String, Object>> deletedTicks(Climber climber) {
        return http.get().uri("/api/v1/logbook/deleted-ticks").header("Authorization", climber.bearer()).exchange()
                .expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody();
    }
}
