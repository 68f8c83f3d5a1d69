package dev.cruxlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;

import dev.cruxlog.platform.database.DatabaseUrl;
import dev.cruxlog.platform.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * docs/rollback.md's procedure, run for real: back up, let a "bad release" damage the
 * data, restore, and find the data exactly as it was. Uses its own scratch database.
 */
class RollbackScriptsTest {

    private static final Path OPS = Path.of("ops").toAbsolutePath();

    private TestDatabase database;
    private DatabaseUrl scratch;

    @BeforeEach
    void createScratchDatabase() {
        assumeTrue(onPath("pg_dump") && onPath("pg_restore") && onPath("psql"), "needs the PostgreSQL client tools");
        database = TestDatabase.scratch("rollback");
        scratch = database.url();
    }

    @AfterEach
    void dropScratchDatabase() {
        if (database != null) {
            database.drop();
        }
    }

    @Test
    void aBackupTakenBeforeABadReleaseRestoresTheDataExactly() throws Exception {
        sql("CREATE SCHEMA logbook");
        sql("CREATE TABLE logbook.tick (id int PRIMARY KEY, route text NOT NULL)");
        sql("INSERT INTO logbook.tick VALUES (1, 'Moonlight Buttress'), (2, 'Astroman')");

        Path backups = Files.createTempDirectory("cruxlog-backups");
        String dump = run("db-backup.sh", backups.toString()).trim();
        assertThat(Path.of(dump)).exists().hasParent(backups);

        // The bad release: a destructive migration and lost rows.
        sql("ALTER TABLE logbook.tick DROP COLUMN route");
        sql("DELETE FROM logbook.tick WHERE id = 2");
        sql("CREATE TABLE logbook.junk (x int)");

        assertThat(run("db-restore.sh", dump)).contains("Restored");

        assertThat(query("SELECT id || ':' || route FROM logbook.tick ORDER BY id"))
                .containsExactly("1:Moonlight Buttress", "2:Astroman");
        assertThat(query("SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'logbook'"))
                .containsExactly("tick");
    }

    @Test
    void restoringAMissingFileFailsClearlyAndChangesNothing() throws Exception {
        sql("CREATE TABLE kept (x int)");
        Process process = script("db-restore.sh", "/nonexistent/backup.dump");
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).contains("No such backup");
        assertThat(query("SELECT count(*)::text FROM kept")).containsExactly("0");
    }

    private String run(String name, String argument) throws IOException, InterruptedException {
        Process process = script(name, argument);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s failed: %s", name, err).isZero();
        return out;
    }

    private Process script(String name, String argument) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", OPS.resolve(name).toString(), argument);
        builder.environment().put("DATABASE_URL", scratch.toUrlString());
        return builder.start();
    }

    private void sql(String statement) {
        TestDatabase.execute(scratch, statement);
    }

    private List<String> query(String sql) {
        return TestDatabase.strings(scratch, sql);
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
