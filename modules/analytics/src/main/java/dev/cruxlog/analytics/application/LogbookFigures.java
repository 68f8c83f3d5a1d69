package dev.cruxlog.analytics.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cruxlog.logbook.LogbookStatistics;
import dev.cruxlog.logbook.SendCounting;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Out port: the read model's storage, in analytics' own schema. Each read is empty when the
 * climber has no figure of the current rules ({@code ReadModelRules}) that still holds today;
 * the caller then computes it from the ticks.
 */
public interface LogbookFigures {

    /**
     * Serialises refreshes of one climber until the transaction ends: a refresh that waited
     * reads the ticks the other one committed, so the last commit never carries older figures.
     */
    Mono<Void> lockClimber(UUID owner);

    /**
     * Replaces every figure of the climber, under each way of counting given.
     *
     * @param laterDays {@link WholeLogbookReadModel#laterDays}: the figures hold through the day before
     *                  the eve of the first of these after tomorrow, by the database's clock
     *                  (the clock the overview's query reads), or until the next write
     */
    Mono<Void> replace(UUID owner, Map<SendCounting, LogbookStatistics.WholeLogbookFigures> byCounting, List<LocalDate> laterDays);

    Mono<List<LogbookStatistics.RouteSend>> firstSends(UUID owner, SendCounting counting, String discipline);

    Mono<LogbookStatistics.Overview> overview(UUID owner, SendCounting counting);

    /**
     * The revision the climber's figures under this counting are stored under: a new one, from one
     * sequence, with every write of their logbook (the figures are replaced in the writing
     * transaction). Empty when there is no current figure, as for every read here.
     */
    Mono<Long> revision(UUID owner, SendCounting counting);

    Mono<List<LogbookStatistics.MonthSend>> hardestSendsByMonth(UUID owner, SendCounting counting);

    Mono<List<LogbookStatistics.MonthVolume>> volumeByMonth(UUID owner, SendCounting counting);

    Mono<List<LogbookStatistics.Day>> days(UUID owner, SendCounting counting);

    Mono<List<LogbookStatistics.Place>> places(UUID owner, SendCounting counting);

    Mono<List<LogbookStatistics.StyleCount>> styles(UUID owner, SendCounting counting);

    Mono<List<LogbookStatistics.LevelRate>> sendRates(UUID owner, SendCounting counting);

    Mono<List<LogbookStatistics.YearLevel>> gradeDistribution(UUID owner, SendCounting counting);

    Mono<Void> eraseOwnedBy(UUID owner);

    /**
     * Climbers with a figure of the current rules that no longer holds today (its
     * {@code valid_through} has passed), at most {@code limit}: until refreshed their pages are
     * computed from the ticks.
     */
    Flux<UUID> climbersWithLapsedFigures(int limit);

    /**
     * Claims the next rebuild, once across every instance: true when the stored rules version
     * is older than {@code rulesVersion} or an operator asked for one, and marks it started.
     */
    Mono<Boolean> claimRebuild(int rulesVersion);
}
