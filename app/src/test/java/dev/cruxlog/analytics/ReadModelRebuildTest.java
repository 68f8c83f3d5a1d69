package dev.cruxlog.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.analytics.application.ReadModelRebuildSweep;
import dev.cruxlog.analytics.domain.ReadModelRules;
import dev.cruxlog.platform.testing.Eventually;
import dev.cruxlog.platform.testing.TestDatabase;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.LogbookImports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Issue #17: the versioned rebuild of the analytics read model. It covers every climber of the
 * suite's database, and until it ends no climber's stored figures are trusted (every page
 * computes from the ticks), so it runs with no other test class beside it.
 */
@CruxlogIntegrationTest
@Isolated("rebuilds every climber's read model; until it ends every analytics page computes from the ticks")
class ReadModelRebuildTest {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Autowired
    ApplicationContext application;

    @Autowired
    ReadModelRebuildSweep rebuildSweep;

    private ReadModelOracle oracle;

    @BeforeEach
    void askTheOracle() {
        oracle = ReadModelOracle.of(application);
    }

    /**
     * A climber whose figures were computed under other rules is answered from the ticks; the
     * rebuild (started by the sweep when the rules are newer than its last run, or when an
     * operator asks) replaces them through the job queue.
     */
    @Test
    void figuresOfOtherRulesAreNotReadAndTheRebuildReplacesThem() {
        Climber climber = new Climbers(http).verified("read-model-rebuild");
        new LogbookImports(http).importShared(climber, "mountain-project/ticks-sport-trad-567.csv");
        UUID owner = oracle.owner(climber);
        JsonNode before = oracle.body("/api/v1/analytics/overview", climber);
        db.sql("UPDATE analytics.logbook_figure SET rules_version = rules_version - 1, "
                        + "body = CASE WHEN figure = 'overview' THEN CAST('{\"ticks\": 1}' AS json) ELSE body END WHERE owner_id = :owner")
                .bind("owner", owner).fetch().rowsUpdated().block(Duration.ofSeconds(5));

        assertThat(oracle.body("/api/v1/analytics/overview", climber)).as("older rules: computed from the ticks").isEqualTo(before);

        // The operator's command asks; the next sweep starts it.
        requestARebuildAsTheOperatorDoes();
        assertThat(rebuildSweep.sweep().block(Duration.ofSeconds(10))).isEqualTo(1L);
        assertThat(rebuildSweep.sweep().block(Duration.ofSeconds(10))).as("claimed once").isZero();
        // Until rebuilt, no climber's stored figures are trusted: the pages compute from the ticks.
        assertThat(oracle.body("/api/v1/analytics/overview", climber)).isEqualTo(before);
        Eventually.answer(() -> versionOf(owner), version -> version == ReadModelRules.VERSION, Duration.ofSeconds(60));
        oracle.assertTheReadModelMatchesTheTicks(climber, "after the rebuild");
        // The rebuild covers every climber of the suite's database, and until it ends every page
        // computes from the ticks. It ends before this class does (it is isolated), so no other
        // test runs beside it: the 10,000-tick logbook's reads timed out behind it in a full run
        // on a slow machine.
        Eventually.answer(this::rebuildJobsLeft, left -> left == 0, Duration.ofSeconds(180));
    }

    private Mono<Long> rebuildJobsLeft() {
        return db.sql("SELECT count(*) AS n FROM platform.job WHERE kind = 'analytics.rebuild-read-model' "
                        + "AND status IN ('queued', 'running')")
                .map(row -> row.get("n", Long.class)).one();
    }

    private void requestARebuildAsTheOperatorDoes() {
        ProcessBuilder command = new ProcessBuilder("bash", Path.of("ops/rebuild-analytics.sh").toAbsolutePath().toString())
                .redirectErrorStream(true);
        command.environment().put("DATABASE_URL", TestDatabase.shared().url().toUrlString());
        try {
            Process process = command.start();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(db.sql("SELECT requested_at IS NOT NULL AS asked FROM analytics.read_model_rebuild")
                .map(row -> row.get("asked", Boolean.class)).one().block(Duration.ofSeconds(5))).isTrue();
    }

    private Mono<Integer> versionOf(UUID owner) {
        return db.sql("SELECT coalesce(min(rules_version), 0) AS v FROM analytics.logbook_figure WHERE owner_id = :owner")
                .bind("owner", owner)
                .map(row -> row.get("v", Integer.class)).one();
    }
}
