package dev.cruxlog.analytics.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.cruxlog.logbook.LogbookStatistics;
import dev.cruxlog.logbook.SendCounting;
import dev.cruxlog.platform.jobs.Job;
import dev.cruxlog.platform.jobs.JobPayloads;
import dev.cruxlog.platform.testing.NoTransaction;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The read model's service and its readers alone, against in-memory ports. */
class WholeLogbookReadModelTest {

    private static final UUID CLIMBER = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final Clock DEC_1 = Clock.fixed(LocalDate.of(2026, 12, 1).atStartOfDay().toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);

    private final ReadModelFakes.Statistics statistics = new ReadModelFakes.Statistics();
    private final ReadModelFakes.Figures figures = new ReadModelFakes.Figures();
    private final WholeLogbookReadModel readModel = new WholeLogbookReadModel(statistics, figures, DEC_1);
    private final AnalyticsFigures analytics = new AnalyticsFigures(statistics, figures, new WindowedOverviews(100));

    @Test
    void aChangeLocksTheClimberThenStoresTheWholeLogbookUnderBothWaysOfCounting() {
        StepVerifier.create(readModel.logbookChanged(CLIMBER)).verifyComplete();

        assertThat(figures.calls).containsExactly("lock " + CLIMBER, "replace " + CLIMBER + " LEADS_AND_BOULDERS",
                "replace " + CLIMBER + " LEADS_TOP_ROPES_AND_FOLLOWS");
        assertThat(statistics.calls).as("the whole logbook: no dates").allMatch(call -> call.endsWith(" null..null"))
                .as("in one pass").startsWith("wholeLogbook null..null");
        assertThat(figures.stored.get(CLIMBER + "/LEADS_AND_BOULDERS").overview().sends()).isEqualTo(1);
        assertThat(figures.stored.get(CLIMBER + "/LEADS_TOP_ROPES_AND_FOLLOWS").overview().sends()).isEqualTo(2);
        assertThat(figures.stored.get(CLIMBER + "/LEADS_AND_BOULDERS").firstSends()).containsOnlyKeys(
                dev.cruxlog.analytics.Pyramids.DISCIPLINES);
    }

    @Test
    void aWriteAnnouncedLocksTheClimberBeforeItTouchesTheTicks() {
        StepVerifier.create(readModel.logbookChanging(CLIMBER)).verifyComplete();

        assertThat(figures.calls).containsExactly("lock " + CLIMBER);
        assertThat(statistics.calls).as("nothing read yet").isEmpty();
    }

    @Test
    void figuresTheWriteFoldedAreStoredWithoutReadingTheTicks() {
        var folded = statistics.wholeLogbook(CLIMBER).block();
        statistics.calls.clear();

        StepVerifier.create(readModel.logbookChanged(CLIMBER, folded)).verifyComplete();

        assertThat(statistics.calls).as("the ticks are not read again").isEmpty();
        assertThat(figures.calls).as("the lock was taken when the write announced itself")
                .containsExactly("replace " + CLIMBER + " LEADS_AND_BOULDERS", "replace " + CLIMBER + " LEADS_TOP_ROPES_AND_FOLLOWS");
        assertThat(figures.stored.get(CLIMBER + "/LEADS_TOP_ROPES_AND_FOLLOWS").overview().sends()).isEqualTo(2);
        assertThat(figures.stored.get(CLIMBER + "/LEADS_AND_BOULDERS").firstSends())
                .as("stored as for pyramids: every discipline").containsOnlyKeys(dev.cruxlog.analytics.Pyramids.DISCIPLINES);
    }

    @Test
    void aFigureThatFailsFailsTheChangeAndStoresNothingSoTheWriteRollsBack() {
        statistics.overviewFailure = new IllegalStateException("statement timeout");

        StepVerifier.create(readModel.logbookChanged(CLIMBER)).expectErrorMessage("statement timeout").verify();

        assertThat(figures.stored).isEmpty();
    }

    @Test
    void theStoreIsGivenTheDaysFromAWeekAgoOnToKnowHowLongTheFiguresHold() {
        statistics.latestDay = LocalDate.of(2026, 12, 8);
        StepVerifier.create(readModel.logbookChanged(CLIMBER)).verifyComplete();

        assertThat(figures.laterDays.get(CLIMBER + "/LEADS_AND_BOULDERS")).containsExactly(LocalDate.of(2026, 12, 8));
    }

    @Test
    void theWholeLogbookIsReadFromTheReadModelAndAnEmptyStoredListIsAnAnswer() {
        StepVerifier.create(readModel.logbookChanged(CLIMBER)).verifyComplete();
        statistics.calls.clear();

        StepVerifier.create(analytics.firstSends(CLIMBER, "sport", SendCounting.LEADS_AND_BOULDERS, null, null))
                .expectNextMatches(send -> send.style().equals("redpoint")).verifyComplete();
        StepVerifier.create(analytics.firstSends(CLIMBER, "trad", SendCounting.LEADS_AND_BOULDERS, null, null))
                .verifyComplete();
        StepVerifier.create(analytics.overview(CLIMBER, SendCounting.LEADS_TOP_ROPES_AND_FOLLOWS, null, null))
                .expectNextMatches(overview -> overview.sends() == 2).verifyComplete();

        assertThat(statistics.calls).as("nothing computed from the ticks").isEmpty();
    }

    @Test
    void aClimberWithoutStoredFiguresAndAnyWindowAreComputedFromTheTicks() {
        StepVerifier.create(analytics.overview(CLIMBER, SendCounting.LEADS_AND_BOULDERS, null, null))
                .expectNextMatches(overview -> overview.ticks() == 3).verifyComplete();
        StepVerifier.create(readModel.logbookChanged(CLIMBER)).verifyComplete();
        statistics.calls.clear();

        LocalDate from = LocalDate.of(2024, 1, 1);
        StepVerifier.create(analytics.firstSends(CLIMBER, "sport", SendCounting.LEADS_AND_BOULDERS, from, null))
                .expectNextCount(1).verifyComplete();

        assertThat(statistics.calls).containsExactly("firstSends sport LEADS_AND_BOULDERS 2024-01-01..null");
    }

    @Test
    void aWindowsOverviewIsComputedOncePerRevisionOfTheStoredFiguresAndEveryTimeWithoutThem() {
        LocalDate from = LocalDate.of(2024, 1, 1);
        LocalDate to = LocalDate.of(2024, 12, 31);
        String computed = "overview LEADS_AND_BOULDERS 2024-01-01..2024-12-31";
        for (int view = 0; view < 2; view++) {
            StepVerifier.create(analytics.overview(CLIMBER, SendCounting.LEADS_AND_BOULDERS, from, to))
                    .expectNextMatches(overview -> overview.sends() == 1).verifyComplete();
        }
        assertThat(statistics.calls).as("no stored figures: nothing to hold it under").containsExactly(computed, computed);

        StepVerifier.create(readModel.logbookChanged(CLIMBER)).verifyComplete();
        statistics.calls.clear();
        for (int view = 0; view < 2; view++) {
            StepVerifier.create(analytics.overview(CLIMBER, SendCounting.LEADS_AND_BOULDERS, from, to))
                    .expectNextMatches(overview -> overview.sends() == 1).verifyComplete();
            StepVerifier.create(analytics.overview(CLIMBER, SendCounting.LEADS_TOP_ROPES_AND_FOLLOWS, from, to))
                    .expectNextMatches(overview -> overview.sends() == 2).verifyComplete();
        }
        StepVerifier.create(analytics.overview(CLIMBER, SendCounting.LEADS_AND_BOULDERS, from, null)).expectNextCount(1)
                .verifyComplete();
        assertThat(statistics.calls).as("once per counting and window").containsExactly(computed,
                "overview LEADS_TOP_ROPES_AND_FOLLOWS 2024-01-01..2024-12-31", "overview LEADS_AND_BOULDERS 2024-01-01..null");

        StepVerifier.create(readModel.logbookChanged(CLIMBER)).verifyComplete();
        statistics.calls.clear();
        StepVerifier.create(analytics.overview(CLIMBER, SendCounting.LEADS_AND_BOULDERS, from, to)).expectNextCount(1)
                .verifyComplete();
        assertThat(statistics.calls).as("the next write's revision: computed again").containsExactly(computed);
    }

    /**
     * The revision is read before the overview is computed: a write that lands while it is computed
     * stores a newer revision, and the next view computes again rather than take the held one as current.
     */
    @Test
    void aWriteLandingWhileAWindowIsComputedIsComputedAgainOnTheNextView() {
        LocalDate from = LocalDate.of(2024, 1, 1);
        StepVerifier.create(readModel.logbookChanged(CLIMBER)).verifyComplete();
        statistics.whileTheNextWindowIsComputed = () -> readModel.logbookChanged(CLIMBER).block();
        StepVerifier.create(analytics.overview(CLIMBER, SendCounting.LEADS_AND_BOULDERS, from, null)).expectNextCount(1)
                .verifyComplete();
        statistics.calls.clear();

        StepVerifier.create(analytics.overview(CLIMBER, SendCounting.LEADS_AND_BOULDERS, from, null)).expectNextCount(1)
                .verifyComplete();
        StepVerifier.create(analytics.overview(CLIMBER, SendCounting.LEADS_AND_BOULDERS, from, null)).expectNextCount(1)
                .verifyComplete();

        assertThat(statistics.calls).as("computed again once, then held under the write's revision")
                .containsExactly("overview LEADS_AND_BOULDERS 2024-01-01..null");
    }

    @Test
    void theRebuildRefreshesAPageOfClimbersPerJobEachInItsOwnTransactionThenQueuesTheNextPage() {
        for (int i = 0; i < ReadModelRebuild.PAGE + 3; i++) {
            statistics.climbers.add(new UUID(1, i));
        }
        ReadModelFakes.Jobs jobs = new ReadModelFakes.Jobs();
        NoTransaction transaction = new NoTransaction();
        JobPayloads payloads = new JobPayloads(JsonMapper.builder().build());
        ReadModelRebuild rebuild = new ReadModelRebuild(statistics, readModel, jobs, payloads, transaction);

        StepVerifier.create(rebuild.start()).expectNext(1L).verifyComplete();
        StepVerifier.create(rebuild.handle(job(payloads, jobs.payloads.get(0)))).verifyComplete();

        assertThat(figures.calls.stream().filter(call -> call.startsWith("lock"))).hasSize(ReadModelRebuild.PAGE);
        assertThat(transaction.transactions()).as("one per climber, one for the next page").isEqualTo(ReadModelRebuild.PAGE + 1);
        assertThat(jobs.payloads).hasSize(2).last().isEqualTo(new ReadModelRebuild.Page(new UUID(1, ReadModelRebuild.PAGE - 1)));

        StepVerifier.create(rebuild.handle(job(payloads, jobs.payloads.get(1)))).verifyComplete();

        assertThat(figures.calls.stream().filter(call -> call.startsWith("lock"))).hasSize(ReadModelRebuild.PAGE + 3);
        assertThat(jobs.payloads).as("the last page queues nothing").hasSize(2);
        assertThat(figures.stored).hasSize(2 * (ReadModelRebuild.PAGE + 3));
    }

    private static Job job(JobPayloads payloads, Object payload) {
        return new Job(1, ReadModelRebuild.KIND, payloads.write(payload), 1, 5);
    }

    @Test
    void laterDaysStartAWeekBeforeToday() {
        LogbookStatistics.WholeLogbookFigures whole = new LogbookStatistics.WholeLogbookFigures(java.util.Map.of(), null, List.of(), List.of(),
                List.of(new dev.cruxlog.logbook.LogbookStatistics.Day(LocalDate.of(2026, 11, 24), 1, 1, true),
                        new dev.cruxlog.logbook.LogbookStatistics.Day(LocalDate.of(2026, 11, 25), 1, 1, true),
                        new dev.cruxlog.logbook.LogbookStatistics.Day(LocalDate.of(2027, 1, 1), 1, 1, true)),
                List.of(), List.of(), List.of(), List.of());

        assertThat(WholeLogbookReadModel.laterDays(whole, LocalDate.of(2026, 12, 1))).containsExactly(LocalDate.of(2026, 11, 25), LocalDate.of(2027, 1, 1));
    }

    @Test
    void theSweepRefreshesEachClimberWhoseFiguresLapsedInATransactionOfTheirOwn() {
        UUID other = UUID.fromString("00000000-0000-0000-0000-000000000002");
        figures.lapsed.addAll(List.of(CLIMBER, other));
        NoTransaction transaction = new NoTransaction();
        LapsedFiguresSweep sweep = new LapsedFiguresSweep(figures, readModel, transaction, java.time.Duration.ofMinutes(1));

        StepVerifier.create(sweep.sweep()).expectNext(2L).verifyComplete();

        assertThat(figures.calls).containsExactly("lock " + CLIMBER, "replace " + CLIMBER + " LEADS_AND_BOULDERS",
                "replace " + CLIMBER + " LEADS_TOP_ROPES_AND_FOLLOWS", "lock " + other,
                "replace " + other + " LEADS_AND_BOULDERS", "replace " + other + " LEADS_TOP_ROPES_AND_FOLLOWS");
        assertThat(transaction.transactions()).isEqualTo(2);
    }
}
