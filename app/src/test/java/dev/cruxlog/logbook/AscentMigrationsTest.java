package dev.cruxlog.logbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.cruxlog.platform.database.DatabaseUrl;
import dev.cruxlog.platform.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #16's migrations on a logbook written before them: ticks stored by the old rules (a
 * Mountain Project top rope or follow was discipline "tr" and a send) come out as a fresh import
 * of the same rows reads them (MountainProjectClassifier, docs/ascent-rules.md). Its own scratch
 * database: identity migrated fully, the logbook to V7, rows written, then the rest.
 */
class AscentMigrationsTest {

    private TestDatabase database;
    private DatabaseUrl scratch;

    @BeforeEach
    void createScratchDatabase() {
        database = TestDatabase.scratch("migrations");
        scratch = database.url();
    }

    @AfterEach
    void dropScratchDatabase() {
        database.drop();
    }

    private Flyway flyway(String schema, String target) {
        return Flyway.configure().dataSource(scratch.jdbcUrl(), scratch.username(), scratch.password())
                .schemas(schema).createSchemas(true).locations("classpath:db/migration/" + schema).target(target).load();
    }

    @Test
    void ticksStoredByTheOldRulesReadAsAFreshImportWould() {
        flyway("identity", "latest").migrate();
        flyway("logbook", "7").migrate();
        sql("INSERT INTO identity.account (id, email, email_normalized, username, username_normalized, password_hash) "
                + "VALUES ('00000000-0000-0000-0000-000000000001', 'a@example.test', 'a@example.test', 'a', 'a', 'x')");
        // route, route type, style, grade system, stored discipline, stored style, stored send
        String[][] old = {
                {"Razor Worm", "Trad", "Follow", "yds", "tr", "follow", "true"},
                {"Sport Lap", "Sport, TR", "TR", "yds", "tr", "top-rope", "true"},
                {"Couch Potato", "Trad, Sport", "TR", "yds", "tr", "top-rope", "true"},
                {"Main Flow Right", "Trad, Ice", "TR", "ice", "tr", "top-rope", "true"},
                {"Scottish Ale", "Sport, TR, Mixed", "TR", "mixed", "tr", "top-rope", "true"},
                {"Desert Aid", "Aid", "Follow", "yds", "tr", "follow", "true"},
                {"Untyped Second", "", "Follow", "yds", "tr", "follow", "true"},
                {"Only Top-Roped", "TR", "TR", "yds", "tr", "top-rope", "true"},
                {"Led Clean", "Sport", "Lead", "yds", "sport", "redpoint", "true"},
                {"Hung On It", "Sport", "TR", "yds", "tr", "attempt", "false"}};
        for (String[] tick : old) {
            sql("INSERT INTO logbook.tick (owner_id, source, source_key, route, climbed_on, grade, grade_system, discipline, "
                    + "style, send, source_style, source_route_type) VALUES ('00000000-0000-0000-0000-000000000001', "
                    + "'mountain-project', '" + tick[0] + "', '" + tick[0] + "', '2024-05-01', '5.9', '" + tick[3] + "', '"
                    + tick[4] + "', '" + tick[5] + "', " + tick[6] + ", '" + tick[2] + "', "
                    + (tick[1].isEmpty() ? "NULL" : "'" + tick[1] + "'") + ")");
        }

        flyway("logbook", "latest").migrate();

        assertThat(query("SELECT route || ': ' || discipline || ' ' || style || ' ' || send || ' ' || discipline_confirmed "
                + "FROM logbook.tick ORDER BY route")).containsExactly(
                "Couch Potato: trad top-rope false false",
                "Desert Aid: aid follow false true",
                "Hung On It: sport attempt false true",
                "Led Clean: sport redpoint true true",
                "Main Flow Right: ice top-rope false true",
                "Only Top-Roped: tr top-rope false true",
                "Razor Worm: trad follow false true",
                "Scottish Ale: mixed top-rope false true",
                "Sport Lap: sport top-rope false true",
                "Untyped Second: sport follow false false");
    }

    private void sql(String statement) {
        TestDatabase.execute(scratch, statement);
    }

    private List<String> query(String sql) {
        return TestDatabase.strings(scratch, sql);
    }
}
