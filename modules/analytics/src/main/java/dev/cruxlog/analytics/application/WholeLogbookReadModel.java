package dev.cruxlog.analytics.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cruxlog.analytics.Pyramids;
import dev.cruxlog.logbook.LogbookChangeListener;
import dev.cruxlog.logbook.LogbookStatistics;
import dev.cruxlog.logbook.SendCounting;
import dev.cruxlog.platform.Zip;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps the read model current: every figure of a climber's whole logbook, under both ways of
 * counting sends, recomputed from the logbook's API inside the transaction of the write that
 * changed it (see ADR 0015 for why whole summaries and not increments). The logbook folds them
 * in one pass over the ticks ({@link LogbookStatistics#wholeLogbook}); the per-figure queries
 * pages ran on every view before stay the oracle ({@link #compute}) the equivalence tests hold
 * that fold to.
 */
@Service
public class WholeLogbookReadModel implements LogbookChangeListener {

    private final LogbookStatistics statistics;
    private final LogbookFigures figures;
    private final Clock clock;

    public WholeLogbookReadModel(LogbookStatistics statistics, LogbookFigures figures, Clock clock) {
        this.statistics = statistics;
        this.figures = figures;
        this.clock = clock;
    }

    /**
     * Before the write touches the ticks: waits for another write of the climber to commit. Its
     * refresh then reads what that write committed, and an import that reads the logbook before
     * it copies new ticks in reads what is still true at its commit.
     */
    @Override
    public Mono<Void> logbookChanging(UUID owner) {
        return figures.lockClimber(owner);
    }

    /**
     * Inside the writing transaction: waits for another refresh of the climber, then refreshes.
     * (For a logbook write the lock is the one {@link #logbookChanging} took; taking it again costs
     * one round trip and covers the refreshes that are no write: {@code ReadModelRebuild} and
     * {@code LapsedFiguresSweep}.)
     */
    @Override
    public Mono<Void> logbookChanged(UUID owner) {
        return figures.lockClimber(owner).then(statistics.wholeLogbook(owner)).flatMap(folded -> store(owner, folded));
    }

    /**
     * The figures the write folded (an import's new ticks with the rest): stored without reading
     * the ticks. The climber's lock is already held, since {@link #logbookChanging}: the figures
     * were folded under it, and taking it only now could not make them current.
     */
    @Override
    public Mono<Void> logbookChanged(UUID owner, Map<SendCounting, LogbookStatistics.WholeLogbookFigures> wholeLogbook) {
        return store(owner, wholeLogbook);
    }

    private Mono<Void> store(UUID owner, Map<SendCounting, LogbookStatistics.WholeLogbookFigures> folded) {
        return Mono.defer(() -> {
            LocalDate today = LocalDate.now(clock);
            Map<SendCounting, LogbookStatistics.WholeLogbookFigures> byCounting = new EnumMap<>(SendCounting.class);
            folded.forEach((counting, whole) -> byCounting.put(counting, forPyramids(whole)));
            // The days out are the same under either counting (only whether a day had a send differs).
            List<LocalDate> later = laterDays(byCounting.get(SendCounting.LEADS_AND_BOULDERS), today);
            return figures.replace(owner, byCounting, later);
        });
    }

    /** The whole logbook's figures from the per-figure queries: the equivalence tests' oracle. */
    public Mono<LogbookStatistics.WholeLogbookFigures> compute(UUID owner, SendCounting counting) {
        // Inside a write these share the writer's connection, which runs them in turn.
        Mono<Map<String, List<LogbookStatistics.RouteSend>>> firstSends = Flux.fromIterable(Pyramids.DISCIPLINES)
                .concatMap(discipline -> statistics.firstSends(owner, discipline, counting, null, null).collectList()
                        .map(sends -> Map.entry(discipline, sends)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
        return firstSends.flatMap(sends -> statistics.overview(owner, counting, null, null)
                .flatMap(overview -> Zip.of(
                        statistics.hardestSendsByMonth(owner, counting, null, null).collectList(),
                        statistics.volumeByMonth(owner, counting, null, null).collectList(),
                        statistics.days(owner, counting, null, null).collectList(),
                        statistics.places(owner, counting, null, null).collectList(),
                        statistics.styles(owner, counting, null, null).collectList(),
                        statistics.sendRates(owner, counting, null, null).collectList(),
                        statistics.gradeDistribution(owner, counting, null, null).collectList(),
                        (hardestByMonth, volume, days, places, styles, sendRates, gradeDistribution) ->
                                new LogbookStatistics.WholeLogbookFigures(sends, overview, hardestByMonth, volume, days, places,
                                        styles, sendRates, gradeDistribution))));
    }

    /**
     * The figures as the store keeps them: a list of first sends (empty where nothing was sent)
     * for every pyramid discipline, so a discipline without sends is an answer, not a miss.
     */
    static LogbookStatistics.WholeLogbookFigures forPyramids(LogbookStatistics.WholeLogbookFigures figures) {
        Map<String, List<LogbookStatistics.RouteSend>> firstSends = new java.util.HashMap<>();
        for (String discipline : Pyramids.DISCIPLINES) {
            firstSends.put(discipline, figures.firstSends().getOrDefault(discipline, List.of()));
        }
        return new LogbookStatistics.WholeLogbookFigures(firstSends, figures.overview(), figures.hardestSendsByMonth(),
                figures.volumeByMonth(), figures.days(), figures.places(), figures.styles(), figures.sendRates(),
                figures.gradeDistribution());
    }

    /**
     * The days out from a week before {@code today} on. The overview's recent hard sends leave
     * out ticks dated after tomorrow (by the database's clock), so a logbook with such a tick
     * changes without a write on that tick's eve: the store keeps these figures valid through
     * the day before the first such eve. A week of slack covers any difference between the
     * application's and the database's time zones.
     */
    public static List<LocalDate> laterDays(LogbookStatistics.WholeLogbookFigures figures, LocalDate today) {
        LocalDate weekBefore = today.minusDays(7);
        return figures.days().stream().map(LogbookStatistics.Day::date).filter(date -> date.isAfter(weekBefore)).toList();
    }
}
