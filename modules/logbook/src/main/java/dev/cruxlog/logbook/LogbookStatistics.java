package dev.cruxlog.logbook;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The logbook's aggregate queries, for analytics: computed in PostgreSQL, so their cost
 * grows with the answer (one row per route sent, a handful of numbers), not with the
 * logbook. Every method is scoped by owner; null dates mean "no bound". Every "send" below is a
 * send under the given {@link SendCounting}: leads and boulders, and top ropes and follows only
 * when the climber counts them.
 */
public interface LogbookStatistics {

    /**
     * One row per route the climber sent in the window: its first send, the ticks and days it
     * took up to that send (every tick that was not a counted send is a try), and how often it
     * was sent in the window.
     */
    Flux<RouteSend> firstSends(UUID owner, String discipline, SendCounting counting, LocalDate from, LocalDate to);

    Mono<Overview> overview(UUID owner, SendCounting counting, LocalDate from, LocalDate to);

    /** Per month: the hardest send per discipline and style, and the volume (ticks, pitches, days). */
    Flux<MonthSend> hardestSendsByMonth(UUID owner, SendCounting counting, LocalDate from, LocalDate to);

    Flux<MonthVolume> volumeByMonth(UUID owner, SendCounting counting, LocalDate from, LocalDate to);

    /** Every day out: how many ticks and pitches, and whether anything was sent. */
    Flux<Day> days(UUID owner, SendCounting counting, LocalDate from, LocalDate to);

    /** Per place (the full location path): ticks, pitches, sends, hardest send, first and last visit. */
    Flux<Place> places(UUID owner, SendCounting counting, LocalDate from, LocalDate to);

    /** Counts by ascent style, and sends versus ticks per grade level and discipline. */
    Flux<StyleCount> styles(UUID owner, SendCounting counting, LocalDate from, LocalDate to);

    Flux<LevelRate> sendRates(UUID owner, SendCounting counting, LocalDate from, LocalDate to);

    /**
     * Sends per year, discipline and grade (difficulty index): how the spread of grades moves
     * over time. Per index, not per level, so the caller groups by the levels of the climber's
     * own grade system.
     */
    Flux<YearLevel> gradeDistribution(UUID owner, SendCounting counting, LocalDate from, LocalDate to);

    /**
     * Climbers with at least one tick, in id order, after {@code after} (null: from the first):
     * how a read model built on these figures finds whom to rebuild, a page at a time.
     */
    Flux<UUID> climbersAfter(UUID after, int limit);

    /**
     * Every figure above for the whole logbook (no dates), under both ways of counting sends, from
     * one pass over the climber's ticks: what the analytics read model stores on every write. The
     * per-figure methods stay the reference it is proved equal to (ReadModelEquivalenceTest);
     * this answer is for when all of them are wanted at once, because its cost is one read of
     * the ticks' narrow columns, not one statement per figure and counting.
     */
    Mono<Map<SendCounting, WholeLogbookFigures>> wholeLogbook(UUID owner);

    /**
     * The whole logbook's figures under one way of counting sends, each as its per-figure method
     * answers it with no dates.
     *
     * @param firstSends per discipline the climber sent something in, as {@link #firstSends}
     */
    record WholeLogbookFigures(Map<String, List<RouteSend>> firstSends, Overview overview,
                               List<MonthSend> hardestSendsByMonth, List<MonthVolume> volumeByMonth, List<Day> days,
                               List<Place> places, List<StyleCount> styles, List<LevelRate> sendRates,
                               List<YearLevel> gradeDistribution) {

        public WholeLogbookFigures {
            firstSends = Map.copyOf(firstSends);
        }
    }

    record YearLevel(int year, String discipline, int gradeIndex, long sends) {
    }

    record MonthSend(String month, String discipline, String style, String grade, int gradeIndex, String route) {
    }

    record MonthVolume(String month, long ticks, long pitches, long days) {
    }

    record Day(LocalDate date, long ticks, long pitches, boolean sent) {
    }

    record Place(List<String> path, long ticks, long pitches, long sends, String hardestGrade, Integer hardestIndex,
                 LocalDate firstVisit, LocalDate lastVisit) {
    }

    record StyleCount(String discipline, String style, long ticks) {
    }

    /** Ticks and sends of one discipline at one grade (difficulty index). */
    record LevelRate(String discipline, int gradeIndex, long ticks, long sends) {
    }

    /**
     * @param routeKey identifies the route across ticks (its Mountain Project page, or name and place)
     * @param attempts tries up to the first send: the route's ticks on earlier days, that day's
     *                 failed ones, and the send (the order of one day's ticks is not known)
     * @param days     distinct days on the route up to its first send
     * @param sends    sending ticks of the route in the window
     */
    record RouteSend(String routeKey, String route, String location, LocalDate firstSent, String grade, int gradeIndex,
                     int gradeLevel, String style, int attempts, int days, int sends) {
    }

    /**
     * @param disciplines ticks per discipline
     * @param favouriteAreas the three areas with the most pitches
     * @param bestSends  the hardest send per discipline
     * @param recentHardSends the ten latest sends that were a project, tier 2 or tier 3 for the climber then
     * @param projectAttempts attempts (not sends) on project-level climbs
     * @param totalLengthFeet the vertical distance climbed: each tick's length where the logbook knows it
     * @param sendsByCategory sends per difficulty category at the time, down to base volume (mileage)
     */
    record Overview(long ticks, long pitches, long daysOutside, LocalDate firstDay, long uniqueAreas, long regions,
                    long sends, Map<String, Long> disciplines, List<Area> favouriteAreas, List<BestSend> bestSends,
                    List<HardSend> recentHardSends, long projectAttempts, long totalLengthFeet,
                    Map<DifficultyCategory, Long> sendsByCategory) {

        /** Read-only views in the order given: an overview is held and shared between requests (analytics' WindowedOverviews). */
        public Overview {
            disciplines = java.util.Collections.unmodifiableMap(disciplines);
            favouriteAreas = java.util.Collections.unmodifiableList(favouriteAreas);
            bestSends = java.util.Collections.unmodifiableList(bestSends);
            recentHardSends = java.util.Collections.unmodifiableList(recentHardSends);
            sendsByCategory = java.util.Collections.unmodifiableMap(sendsByCategory);
        }

        public double sendRate() {
            return ticks == 0 ? 0 : (double) sends / ticks;
        }
    }

    record Area(String name, long pitches, long ticks) {
    }

    record BestSend(String discipline, String route, String grade, int gradeIndex, LocalDate date) {
    }

    /**
     * @param attempts tries up to this send, counted as for {@code RouteSend}
     */
    record HardSend(String discipline, String route, String grade, Integer gradeIndex, LocalDate date,
                    DifficultyCategory category, String style, int attempts) {
    }
}
