package dev.cruxlog.logbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.DatabaseRows;
import dev.cruxlog.support.LogbookImports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An import's finishedAt is when it finished: after its ticks were written, not the start of the
 * transaction that wrote them (PostgreSQL's now(), which the ticks' created_at is).
 */
@CruxlogIntegrationTest
class ImportFinishTimeTest {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Test
    void finishedAtComesAfterTheTicksWereWritten() {
        Climber climber = new Climbers(http).verified("finish-time");
        UUID id = new LogbookImports(http).importShared(climber, "mountain-project/ticks-sport-trad-567.csv");
        assertThat(new DatabaseRows(db).count("""
                SELECT count(*) FROM logbook.import i
                 WHERE i.id = :id
                   AND i.finished_at > (SELECT max(t.created_at) FROM logbook.tick t WHERE t.import_id = i.id)""",
                Map.of("id", id))).isEqualTo(1);
    }
}
