package dev.cruxlog.analytics.application;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.cruxlog.identity.testing.IdentityStandIn;
import dev.cruxlog.identity.testing.OwnerAccounts;
import dev.cruxlog.logbook.LogbookStatistics;
import dev.cruxlog.logbook.SendCounting;
import dev.cruxlog.platform.accounts.AccountErased;
import dev.cruxlog.platform.accounts.ErasesAccountData;
import dev.cruxlog.platform.testing.Eventually;
import dev.cruxlog.platform.testing.ModuleSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analytics module alone, where it meets PostgreSQL: the read model's figures written as the
 * logbook changes, read back from their documents without asking the logbook again, rebuilt for
 * every climber through the job queue, and erased with their account. The logbook's statistics
 * are the in-memory {@link ReadModelFakes.Statistics} (one route sent, its style told apart by the
 * way of counting); identity is its stand-in; grades is booted beside it.
 */
@ModuleSliceTest(extraIncludes = "grades")
class AnalyticsModuleSliceTest {

    @Autowired
    WholeLogbookReadModel readModel;

    @Autowired
    AnalyticsFigures figures;

    @Autowired
    ReadModelRebuild rebuild;

    @Autowired
    ReadModelRebuildSweep sweep;

    @Autowired
    ReadModelFakes.Statistics logbook;

    @Autowired
    List<ErasesAccountData> erasures;

    @Autowired
    TransactionalOperator transaction;

    @Autowired
    DatabaseClient db;

    /**
     * A fresh database's first start claims a rebuild (its rules are newer than none), which drops
     * every stored figure: the tests start once it has run, or it would drop theirs.
     */
    @BeforeEach
    void startupRebuildDone() {
        sweep.sweep().block(Duration.ofSeconds(10));
        Eventually.answer(() -> db.sql("SELECT count(*) FROM platform.job WHERE kind = :kind AND status IN ('queued', 'running')")
                .bind("kind", ReadModelRebuild.KIND).map(row -> row.get(0, Long.class)).one(), pending -> pending == 0, Duration.ofSeconds(20));
    }

    @Test
    void aChangedLogbooksFiguresAreStoredAndReadBackWithoutAskingTheLogbookAgain() {
        UUID climber = OwnerAccounts.create(db);

        transaction.transactional(readModel.logbookChanged(climber)).block(Duration.ofSeconds(10));
        logbook.calls.clear();

        List<LogbookStatistics.RouteSend> sport = figures.firstSends(climber, "sport", SendCounting.LEADS_AND_BOULDERS, null,
                null).collectList().block(Duration.ofSeconds(10));
        LogbookStatistics.Overview counted = figures.overview(climber, SendCounting.LEADS_TOP_ROPES_AND_FOLLOWS, null, null)
                .block(Duration.ofSeconds(10));

        assertThat(sport).singleElement().satisfies(send -> {
            assertThat(send.route()).isEqualTo("Route 1");
            assertThat(send.style()).isEqualTo("redpoint");
        });
        assertThat(counted.sends()).as("the other way of counting, stored beside").isEqualTo(2);
        assertThat(logbook.calls).as("read from PostgreSQL, not recomputed").isEmpty();
        assertThat(rows(climber)).isEqualTo(2 * rowsPerCounting(climber));
    }

    @Test
    void aWindowsOverviewIsComputedOncePerStoredRevisionOfTheClimbersOwnFigures() {
        UUID climber = OwnerAccounts.create(db);
        UUID neighbour = OwnerAccounts.create(db);
        LocalDate from = LocalDate.of(2024, 1, 1);
        LocalDate to = LocalDate.of(2024, 12, 31);
        String computed = "overview LEADS_AND_BOULDERS 2024-01-01..2024-12-31";
        transaction.transactional(readModel.logbookChanged(climber)).block(Duration.ofSeconds(10));
        logbook.calls.clear();

        for (UUID asking : List.of(climber, climber, neighbour, neighbour)) {
            assertThat(figures.overview(asking, SendCounting.LEADS_AND_BOULDERS, from, to).block(Duration.ofSeconds(10)).sends())
                    .isEqualTo(1);
        }
        assertThat(logbook.calls).as("the climber's once; the neighbour has no stored figures, so every time")
                .containsExactly(computed, computed, computed);

        transaction.transactional(readModel.logbookChanged(climber)).block(Duration.ofSeconds(10));
        logbook.calls.clear();
        figures.overview(climber, SendCounting.LEADS_AND_BOULDERS, from, to).block(Duration.ofSeconds(10));
        assertThat(logbook.calls).as("the next write stored a new revision").containsExactly(computed);
    }

    @Test
    void aClimberWithoutStoredFiguresIsAnsweredFromTheLogbookNotFromAnothersFigures() {
        UUID stored = OwnerAccounts.create(db);
        UUID other = OwnerAccounts.create(db);
        transaction.transactional(readModel.logbookChanged(stored)).block(Duration.ofSeconds(10));
        logbook.calls.clear();

        figures.overview(other, SendCounting.LEADS_AND_BOULDERS, null, null).block(Duration.ofSeconds(10));

        assertThat(logbook.calls).as("computed for the climber who has none stored").isNotEmpty();
        assertThat(rows(other)).isZero();
    }

    @Test
    void theRebuildThroughTheJobQueueStoresEveryClimbersFigures() {
        List<UUID> climbers = List.of(OwnerAccounts.create(db), OwnerAccounts.create(db), OwnerAccounts.create(db));
        logbook.climbers.addAll(climbers);

        transaction.transactional(rebuild.start()).block(Duration.ofSeconds(10));

        // The job queue polls every 200 ms here; each climber is refreshed in a transaction of its own.
        Eventually.answer(() -> Flux.fromIterable(climbers).concatMap(this::storedRows).filter(count -> count == 0).count(),
                missing -> missing == 0, Duration.ofSeconds(40));
        for (UUID climber : climbers) {
            assertThat(rows(climber)).as("figures of %s", climber).isEqualTo(2 * rowsPerCounting(climber)).isPositive();
        }
    }

    @Test
    void erasingAnAccountTakesItsFiguresAndNoOneElses() {
        UUID leaving = OwnerAccounts.create(db);
        UUID staying = OwnerAccounts.create(db);
        for (UUID climber : List.of(leaving, staying)) {
            transaction.transactional(readModel.logbookChanged(climber)).block(Duration.ofSeconds(10));
        }

        Flux.fromIterable(erasures).concatMap(erasure -> erasure.erase(new AccountErased(leaving)))
                .then().block(Duration.ofSeconds(10));

        assertThat(rows(leaving)).isZero();
        assertThat(rows(staying)).isPositive();
    }

    @Test
    void figuresAreCompressedWithLz4WhereTheServerHasIt() {
        Boolean serverHasLz4 = db.sql("SELECT 'lz4' = ANY (enumvals) FROM pg_settings WHERE name = 'default_toast_compression'")
                .map(row -> row.get(0, Boolean.class)).one().block(Duration.ofSeconds(10));
        String compression = db.sql("SELECT attcompression::text FROM pg_attribute "
                        + "WHERE attrelid = 'analytics.logbook_figure'::regclass AND attname = 'body'")
                .map(row -> row.get(0, String.class)).one().block(Duration.ofSeconds(10));

        // 'l' is lz4; empty is the server's default (pglz).
        assertThat(compression).isEqualTo(Boolean.TRUE.equals(serverHasLz4) ? "l" : "");
    }

    private long rows(UUID owner) {
        return storedRows(owner).block(Duration.ofSeconds(10));
    }

    private Mono<Long> storedRows(UUID owner) {
        return db.sql("SELECT count(*) FROM analytics.logbook_figure WHERE owner_id = :owner").bind("owner", owner)
                .map(row -> row.get(0, Long.class)).one();
    }

    private long rowsPerCounting(UUID owner) {
        return db.sql("SELECT count(*) FROM analytics.logbook_figure WHERE owner_id = :owner AND counting = 'LEADS_AND_BOULDERS'")
                .bind("owner", owner).map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(10));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class OtherModules extends IdentityStandIn {

        @Bean
        ReadModelFakes.Statistics logbookStatistics() {
            return new ReadModelFakes.Statistics();
        }
    }
}
