package dev.cruxlog.logbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.logbook.application.ServedNotes;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.LogbookImports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The start-up pass that cleans notes logged before served notes existed (logbook V4). Every
 * application context runs it over every climber's ticks when it starts, so this class runs
 * alone: a context started beside it (another test's settings, a second instance) would clean
 * the note before the test has seen it served without one.
 */
@CruxlogIntegrationTest
@Isolated("every context that starts runs the pass over every climber's notes")
class ServedNotesStartUpPassTest {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Autowired
    ServedNotes servedNotes;

    /**
     * A tick logged before served notes existed, whose note holds markup characters (migration V4
     * copies only notes without them): served without its note, never with its markup, until the
     * start-up pass cleans it.
     */
    @Test
    void notesLoggedBeforeServedNotesExistedAreCleanedByTheStartUpPass() {
        Climber climber = new Climbers(http).verified("pagejson-old");
        String id = http.post().uri("/api/v1/logbook/ticks").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("route", "Old Tick", "date", "2019-06-01", "grade", "5.9", "discipline", "trad",
                        "style", "redpoint", "notes", "plain"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("id").asString();
        // As the row looks after V4 on a database from before it: a note as logged, no served note.
        db.sql("UPDATE logbook.tick SET notes = :notes, notes_plain = NULL WHERE id = :id")
                .bind("notes", "<i>Old</i> &quot;beta&quot;").bind("id", UUID.fromString(id))
                .fetch().rowsUpdated().block(Duration.ofSeconds(10));
        LogbookImports logbook = new LogbookImports(http);
        assertThat(logbook.ticks(climber)).singleElement().satisfies(tick -> assertThat(tick).containsEntry("notes", null));

        assertThat(servedNotes.cleanAll().block(Duration.ofSeconds(30))).isGreaterThanOrEqualTo(1L);

        assertThat(logbook.ticks(climber)).singleElement().satisfies(tick -> assertThat(tick).containsEntry("notes", "Old \"beta\""));
        assertThat(servedNotes.cleanAll().block(Duration.ofSeconds(30))).isZero();
    }
}
