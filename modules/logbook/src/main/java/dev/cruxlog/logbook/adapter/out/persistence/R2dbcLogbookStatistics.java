package dev.cruxlog.logbook.adapter.out.persistence;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.cruxlog.logbook.AscentStyle;
import dev.cruxlog.logbook.DifficultyCategory;
import dev.cruxlog.logbook.LogbookStatistics;
import dev.cruxlog.logbook.SendCounting;
import dev.cruxlog.logbook.domain.WholeLogbookFolds;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@Repository
class R2dbcLogbookStatistics implements LogbookStatistics {

    /**
     * Whether a tick counts as a send under the climber's {@link SendCounting}: the stored
     * {@code send} is a lead or boulder send; a clean top rope or follow counts when
     * {@code :ropeFromAbove} is true. Every query below reads this, never {@code send}, so one
     * setting moves every figure.
     */
    private static final String ROPE_FROM_ABOVE = Arrays.stream(AscentStyle.values()).filter(AscentStyle::isRopeFromAbove)
            .map(style -> "'" + style.id() + "'").collect(Collectors.joining(", ", "(", ")"));

    private static final String COUNTS_AS_SEND =
            "(send OR (CAST(:ropeFromAbove AS boolean) AND style IN " + ROPE_FROM_ABOVE + ")) AS counts_as_send";

    /**
     * A top rope or follow the climber does not count as a send is not a lead try either: tries
     * (pyramid routes, recent hard sends, attempts on projects) leave it out, as they did when
     * those ticks had a discipline of their own.
     */
    private static final String A_TRY_OR_COUNTED =
            "(send OR CAST(:ropeFromAbove AS boolean) OR style NOT IN " + ROPE_FROM_ABOVE + ")";

    /** Ticks of one owner in the window, with their route's key ({@link FigureTickRows#ROUTE_KEY}). */
    private static final String WINDOW = """
            SELECT %s AS route_key, %s, *
              FROM logbook.tick
             WHERE owner_id = :owner AND duplicate_of IS NULL
               AND (CAST(:from AS date) IS NULL OR climbed_on >= CAST(:from AS date))
               AND (CAST(:to AS date) IS NULL OR climbed_on <= CAST(:to AS date))""".formatted(FigureTickRows.ROUTE_KEY, COUNTS_AS_SEND);

    /**
     * Every graded tick with how far below the climber's hardest send on an earlier day (same
     * discipline, in date order, over the whole logbook) it was, and the ticks of its route
     * so far; {@code in_window} marks the ones the caller asked about.
     */
    private static final String CATEGORISED = """
            WITH all_ticks AS (
                -- Only the columns the figures below read: the categorised rows are kept once for
                -- all three (a CTE read three times is materialised), so their width is memory.
                SELECT %s AS route_key, %s,
                       discipline, route, grade, grade_index, grade_level, climbed_on, style
                  FROM logbook.tick WHERE owner_id = :owner AND duplicate_of IS NULL AND grade_level IS NOT NULL
                   AND %s),
            categorised AS (
                SELECT *,
                       -- Sends of earlier days only: ticks of one day do not raise the bar for each
                       -- other, so the figures do not depend on the order of their ids (a logbook
                       -- imported again into another account gave other categories).
                       coalesce(max(grade_level) FILTER (WHERE counts_as_send) OVER (PARTITION BY discipline ORDER BY climbed_on
                           RANGE BETWEEN UNBOUNDED PRECEDING AND INTERVAL '1 day' PRECEDING), grade_level) - grade_level
                           AS levels_below,
                       -- Tries: the route's ticks on earlier days and that day's failed ones, and for
                       -- a send the send itself. The order of one day's ticks is not known, so a lap
                       -- after an onsight must not make it two tries, nor an id order decide.
                       count(*) OVER (PARTITION BY route_key ORDER BY climbed_on
                           RANGE BETWEEN UNBOUNDED PRECEDING AND INTERVAL '1 day' PRECEDING)
                           + count(*) FILTER (WHERE NOT counts_as_send) OVER (PARTITION BY route_key, climbed_on)
                           + CASE WHEN counts_as_send THEN 1 ELSE 0 END AS attempts,
                       (CAST(:from AS date) IS NULL OR climbed_on >= CAST(:from AS date))
                           AND (CAST(:to AS date) IS NULL OR climbed_on <= CAST(:to AS date)) AS in_window
                  FROM all_ticks)
            """.formatted(FigureTickRows.ROUTE_KEY, COUNTS_AS_SEND, A_TRY_OR_COUNTED);

    private final DatabaseClient db;

    R2dbcLogbookStatistics(DatabaseClient db) {
        this.db = db;
    }

    /**
     * One pass of window functions over the route's ticks: tries up to the first send (earlier
     * days' ticks, that day's failed ones, the send), distinct days up to it, and all sends. (Correlated subqueries per route made this
     * quadratic: the benchmark's 10,000-tick climber hit the statement timeout.)
     */
    @Override
    public Flux<RouteSend> firstSends(UUID owner, String discipline, SendCounting counting, LocalDate from, LocalDate to) {
        return db.sql("""
                        WITH t AS (%s AND discipline = :discipline AND grade_level IS NOT NULL AND %s),
                        numbered AS (
                            SELECT route_key, route, location, climbed_on, id, grade, grade_index, grade_level, style, counts_as_send,
                                   -- Tries up to the send: the route's ticks on earlier days, that
                                   -- day's failed ones and the send. The order of one day's ticks is
                                   -- not known (ids used to decide it, differently in every account).
                                   count(*) OVER (PARTITION BY route_key ORDER BY climbed_on
                                       RANGE BETWEEN UNBOUNDED PRECEDING AND INTERVAL '1 day' PRECEDING)
                                       + count(*) FILTER (WHERE NOT counts_as_send) OVER (PARTITION BY route_key, climbed_on)
                                       + CASE WHEN counts_as_send THEN 1 ELSE 0 END AS attempts,
                                   dense_rank() OVER (PARTITION BY route_key ORDER BY climbed_on) AS days,
                                   count(*) FILTER (WHERE counts_as_send) OVER (PARTITION BY route_key) AS sends
                              FROM t),
                        first_send AS (
                            SELECT DISTINCT ON (route_key) *
                              FROM numbered WHERE counts_as_send
                             -- Of two sends on the first day, the better style was the first; of two in one
                             -- style (8a.nu logs unnamed boulders of one place as one "N.N." route), the
                             -- harder. Never the id: ids are new in every account, and the round trip of
                             -- the 160-ascent 8a.nu file gave another pyramid now and then.
                             ORDER BY route_key, climbed_on, CASE style WHEN 'onsight' THEN 0 WHEN 'flash' THEN 1
                                 WHEN 'redpoint' THEN 2 WHEN 'pinkpoint' THEN 3 ELSE 4 END, grade_index DESC, grade COLLATE "C", id)
                        SELECT f.route_key, f.route, f.location, f.climbed_on, f.grade, f.grade_index, f.grade_level, f.style,
                               f.attempts, f.days, f.sends
                          FROM first_send f
                         ORDER BY f.grade_index DESC, f.climbed_on DESC, f.route_key COLLATE "C\"""".formatted(WINDOW, A_TRY_OR_COUNTED))
                .bind("owner", owner)
                .bind("from", Parameter.fromOrEmpty(from, LocalDate.class))
                .bind("to", Parameter.fromOrEmpty(to, LocalDate.class))
                .bind("discipline", discipline)
                .bind("ropeFromAbove", counting.countsRopeFromAbove())
                .map(row -> new RouteSend(row.get("route_key", String.class), row.get("route", String.class),
                        row.get("location", String.class),
                        row.get("climbed_on", LocalDate.class), row.get("grade", String.class),
                        row.get("grade_index", Integer.class), row.get("grade_level", Integer.class),
                        row.get("style", String.class), row.get("attempts", Long.class).intValue(),
                        row.get("days", Long.class).intValue(), row.get("sends", Long.class).intValue()))
                .all();
    }

    /**
     * The overview in one statement and one round trip (it was five, each holding a connection
     * of its own): every figure is a kind of row, typed columns a kind does not use are null.
     * The window's ticks are read once ({@code t}, materialised because several kinds read it);
     * the categorised kinds measure each tick against the climber's earlier sends.
     */
    @Override
    public Mono<Overview> overview(UUID owner, SendCounting counting, LocalDate from, LocalDate to) {
        return bind(db.sql(CATEGORISED + """
                        , t AS MATERIALIZED (%s)
                        SELECT 'totals' AS kind, CAST(0 AS bigint) AS ord, CAST(NULL AS text) AS discipline,
                               CAST(NULL AS text) AS route, CAST(NULL AS text) AS grade, CAST(NULL AS integer) AS grade_index,
                               min(climbed_on) AS climbed_on, CAST(NULL AS text) AS style, CAST(NULL AS integer) AS levels_below,
                               CAST(NULL AS bigint) AS attempts, count(*) AS n, CAST(NULL AS text) AS location,
                               coalesce(sum(pitches), 0) AS pitches, count(DISTINCT climbed_on) AS days,
                               count(DISTINCT nullif(location, '')) AS areas,
                               count(DISTINCT nullif(location_path[1], '')) AS regions,
                               count(*) FILTER (WHERE counts_as_send) AS sends, coalesce(sum(length_ft), 0) AS length_ft
                          FROM t
                        UNION ALL
                        SELECT 'discipline', 0, discipline, NULL, NULL, NULL, NULL, NULL, NULL, NULL, count(*), NULL,
                               NULL, NULL, NULL, NULL, NULL, NULL
                          FROM t GROUP BY discipline
                        UNION ALL
                        (SELECT 'favourite', row_number() OVER (ORDER BY sum(pitches) DESC, count(*) DESC, location COLLATE "C"),
                                NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, count(*), location, sum(pitches),
                                NULL, NULL, NULL, NULL, NULL
                           FROM t WHERE coalesce(location, '') <> '' GROUP BY location
                          ORDER BY sum(pitches) DESC, count(*) DESC, location COLLATE "C" LIMIT 3)
                        UNION ALL
                        SELECT 'best', row_number() OVER (ORDER BY discipline), discipline, route, grade, grade_index,
                               climbed_on, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
                          FROM (SELECT DISTINCT ON (discipline) discipline, route, grade, grade_index, climbed_on FROM t
                                 WHERE counts_as_send AND grade_index IS NOT NULL
                                 ORDER BY discipline, grade_index DESC, climbed_on, lower(route COLLATE "C"), route COLLATE "C",
                                          grade COLLATE "C") best
                        UNION ALL
                        SELECT 'hard', recent.* FROM (
                            SELECT row_number() OVER (ORDER BY climbed_on DESC, lower(route COLLATE "C"), grade COLLATE "C", style COLLATE "C",
                                   route COLLATE "C", discipline COLLATE "C", grade_index, levels_below, attempts) AS ord,
                                   discipline, route, grade, grade_index, climbed_on, style, levels_below, attempts,
                                   CAST(NULL AS bigint) AS n, CAST(NULL AS text) AS location, CAST(NULL AS bigint) AS pitches,
                                   CAST(NULL AS bigint) AS days, CAST(NULL AS bigint) AS areas, CAST(NULL AS bigint) AS regions,
                                   CAST(NULL AS bigint) AS sends, CAST(NULL AS bigint) AS length_ft
                              FROM categorised
                             WHERE counts_as_send AND levels_below <= 2 AND in_window
                               -- Recent: a tick dated in the future (TickDates) has not happened yet.
                               AND climbed_on <= current_date + 1
                             ORDER BY climbed_on DESC, lower(route COLLATE "C"), grade COLLATE "C", style COLLATE "C",
                                   route COLLATE "C", discipline COLLATE "C", grade_index, levels_below, attempts LIMIT 10) recent
                        UNION ALL
                        SELECT 'project', 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, count(*), NULL,
                               NULL, NULL, NULL, NULL, NULL, NULL
                          FROM categorised WHERE NOT counts_as_send AND levels_below <= 0 AND in_window
                        UNION ALL
                        SELECT 'category', 0, NULL, NULL, NULL, NULL, NULL, NULL, levels_below, NULL, count(*), NULL,
                               NULL, NULL, NULL, NULL, NULL, NULL
                          FROM categorised WHERE counts_as_send AND in_window GROUP BY levels_below
                        ORDER BY kind, ord""".formatted(WINDOW)), owner, counting, from, to)
                .map(row -> new OverviewRow(row.get("kind", String.class), row.get("ord", Long.class),
                        row.get("discipline", String.class), row.get("route", String.class), row.get("grade", String.class),
                        row.get("grade_index", Integer.class), row.get("climbed_on", LocalDate.class),
                        row.get("style", String.class), row.get("levels_below", Integer.class),
                        row.get("attempts", Long.class), row.get("n", Long.class), row.get("location", String.class),
                        row.get("pitches", Long.class), row.get("days", Long.class), row.get("areas", Long.class),
                        row.get("regions", Long.class), row.get("sends", Long.class), row.get("length_ft", Long.class)))
                .all()
                .collect(OverviewRows::new, OverviewRows::add)
                .map(OverviewRows::overview);
    }

    /**
     * A row of the overview's statement: {@code kind} says which figure it carries and which
     * columns it uses ({@code n} is a count: the window's ticks, a discipline's, an area's, the
     * attempts on projects or a category's sends).
     */
    private record OverviewRow(String kind, Long ord, String discipline, String route, String grade, Integer gradeIndex,
                               LocalDate climbedOn, String style, Integer levelsBelow, Long attempts, Long n,
                               String location, Long pitches, Long days, Long areas, Long regions, Long sends,
                               Long lengthFeet) {
    }

    /** The overview's figures, collected from its rows in the order they come (by kind, then {@code ord}). */
    private static final class OverviewRows {

        OverviewRow totals;
        final Map<String, Long> disciplines = new TreeMap<>();
        final List<Area> favourites = new java.util.ArrayList<>();
        final List<BestSend> best = new java.util.ArrayList<>();
        final List<HardSend> recentHardSends = new java.util.ArrayList<>();
        final Map<DifficultyCategory, Long> sendsByCategory = new EnumMap<>(DifficultyCategory.class);
        long projectAttempts;

        void add(OverviewRow row) {
            switch (row.kind()) {
                case "totals" -> totals = row;
                case "discipline" -> disciplines.put(row.discipline(), row.n());
                case "favourite" -> favourites.add(new Area(row.location(), row.pitches(), row.n()));
                case "best" -> best.add(new BestSend(row.discipline(), row.route(), row.grade(), row.gradeIndex(),
                        row.climbedOn()));
                case "hard" -> recentHardSends.add(new HardSend(row.discipline(), row.route(), row.grade(), row.gradeIndex(),
                        row.climbedOn(), DifficultyCategory.of(row.levelsBelow()), row.style(), row.attempts().intValue()));
                case "project" -> projectAttempts = row.n();
                case "category" -> sendsByCategory.merge(DifficultyCategory.of(row.levelsBelow()), row.n(), Long::sum);
                default -> throw new IllegalStateException("Unknown row kind " + row.kind());
            }
        }

        Overview overview() {
            return new Overview(totals.n(), totals.pitches(), totals.days(), totals.climbedOn(), totals.areas(),
                    totals.regions(), totals.sends(), disciplines, favourites, best, recentHardSends, projectAttempts,
                    totals.lengthFeet(), sendsByCategory);
        }
    }

    @Override
    public Flux<MonthSend> hardestSendsByMonth(UUID owner, SendCounting counting, LocalDate from, LocalDate to) {
        return bind(db.sql("WITH t AS (" + WINDOW + """
                        ) SELECT DISTINCT ON (month, discipline, style) to_char(climbed_on, 'YYYY-MM') AS month, discipline,
                                 style, grade, grade_index, route
                            FROM t WHERE counts_as_send AND grade_index IS NOT NULL
                           -- Of two sends of one grade, the earlier, then by name: never by id, so the
                           -- same logbook gives the same answer in any account.
                           ORDER BY month, discipline, style, grade_index DESC, climbed_on, lower(route COLLATE "C"),
                                    route COLLATE "C", grade COLLATE "C\""""), owner, counting, from, to)
                .map(row -> new MonthSend(row.get("month", String.class), row.get("discipline", String.class),
                        row.get("style", String.class), row.get("grade", String.class), row.get("grade_index", Integer.class),
                        row.get("route", String.class)))
                .all();
    }

    @Override
    public Flux<MonthVolume> volumeByMonth(UUID owner, SendCounting counting, LocalDate from, LocalDate to) {
        return bind(db.sql("WITH t AS (" + WINDOW + """
                        ) SELECT to_char(climbed_on, 'YYYY-MM') AS month, count(*) AS ticks, sum(pitches) AS pitches,
                                 count(DISTINCT climbed_on) AS days
                            FROM t GROUP BY month ORDER BY month"""), owner, counting, from, to)
                .map(row -> new MonthVolume(row.get("month", String.class), row.get("ticks", Long.class),
                        row.get("pitches", Long.class), row.get("days", Long.class)))
                .all();
    }

    @Override
    public Flux<Day> days(UUID owner, SendCounting counting, LocalDate from, LocalDate to) {
        return bind(db.sql("WITH t AS (" + WINDOW + """
                        ) SELECT climbed_on, count(*) AS ticks, sum(pitches) AS pitches, bool_or(counts_as_send) AS sent
                            FROM t GROUP BY climbed_on ORDER BY climbed_on"""), owner, counting, from, to)
                .map(row -> new Day(row.get("climbed_on", LocalDate.class), row.get("ticks", Long.class),
                        row.get("pitches", Long.class), Boolean.TRUE.equals(row.get("sent", Boolean.class))))
                .all();
    }

    @Override
    public Flux<Place> places(UUID owner, SendCounting counting, LocalDate from, LocalDate to) {
        // One pass, the hardest send taken by an ordered aggregate. It was a join of the ticks with
        // their hardest send per place, and right after a big import (before ANALYZE has seen the
        // climber's rows) the planner expects one row and sorts the hardest sends once per tick:
        // 6-9 s for 10,000 ticks, against 35 ms this way, whatever the estimate.
        return bind(db.sql("WITH t AS (" + WINDOW + """
                        ) SELECT location_path, count(*) AS ticks, sum(pitches) AS pitches,
                                 count(*) FILTER (WHERE counts_as_send) AS sends, min(climbed_on) AS first_visit,
                                 max(climbed_on) AS last_visit,
                                 (array_agg(grade ORDER BY grade_index DESC, grade COLLATE "C")
                                     FILTER (WHERE counts_as_send AND grade_index IS NOT NULL))[1] AS hardest_grade,
                                 max(grade_index) FILTER (WHERE counts_as_send) AS hardest_index
                            FROM t
                           WHERE cardinality(location_path) > 0
                           GROUP BY location_path
                           ORDER BY location_path COLLATE "C\""""), owner, counting, from, to)
                .map(row -> new Place(List.of(row.get("location_path", String[].class)), row.get("ticks", Long.class),
                        row.get("pitches", Long.class), row.get("sends", Long.class), row.get("hardest_grade", String.class),
                        row.get("hardest_index", Integer.class), row.get("first_visit", LocalDate.class),
                        row.get("last_visit", LocalDate.class)))
                .all();
    }

    @Override
    public Flux<StyleCount> styles(UUID owner, SendCounting counting, LocalDate from, LocalDate to) {
        return bind(db.sql("WITH t AS (" + WINDOW + ") SELECT discipline, style, count(*) AS ticks FROM t "
                        + "GROUP BY discipline, style ORDER BY discipline, style"), owner, counting, from, to)
                .map(row -> new StyleCount(row.get("discipline", String.class), row.get("style", String.class),
                        row.get("ticks", Long.class)))
                .all();
    }

    @Override
    public Flux<LevelRate> sendRates(UUID owner, SendCounting counting, LocalDate from, LocalDate to) {
        return bind(db.sql("WITH t AS (" + WINDOW + """
                        ) SELECT discipline, grade_index, count(*) AS ticks, count(*) FILTER (WHERE counts_as_send) AS sends
                            FROM t WHERE grade_index IS NOT NULL AND grade_level IS NOT NULL GROUP BY discipline, grade_index
                           ORDER BY discipline, grade_index"""), owner, counting, from, to)
                .map(row -> new LevelRate(row.get("discipline", String.class), row.get("grade_index", Integer.class),
                        row.get("ticks", Long.class), row.get("sends", Long.class)))
                .all();
    }

    @Override
    public Flux<YearLevel> gradeDistribution(UUID owner, SendCounting counting, LocalDate from, LocalDate to) {
        return bind(db.sql("WITH t AS (" + WINDOW + """
                        ) SELECT CAST(extract(year FROM climbed_on) AS integer) AS year, discipline, grade_index,
                                 count(*) AS sends
                            FROM t WHERE counts_as_send AND grade_index IS NOT NULL AND grade_level IS NOT NULL
                           GROUP BY year, discipline, grade_index ORDER BY year, discipline, grade_index"""),
                        owner, counting, from, to)
                .map(row -> new YearLevel(row.get("year", Integer.class), row.get("discipline", String.class),
                        row.get("grade_index", Integer.class), row.get("sends", Long.class)))
                .all();
    }

    /**
     * One statement for the ticks' narrow columns in date order ({@link FigureTickRows}), folded
     * for both ways of counting as the rows arrive (ADR 0016: forty statements, one per figure
     * and counting, cost an import of 50,000 ticks seconds).
     */
    @Override
    public Mono<Map<SendCounting, WholeLogbookFigures>> wholeLogbook(UUID owner) {
        return FigureTickRows.today(db)
                .flatMap(today -> FigureTickRows.inDateOrder(db, owner)
                        // Off the driver's event loop, which every connection of the pool shares: a
                        // logbook of hundreds of thousands of ticks folds for seconds.
                        .publishOn(Schedulers.parallel())
                        .collect(() -> new WholeLogbookFolds(today), WholeLogbookFolds::add)
                        .map(WholeLogbookFolds::result));
    }

    @Override
    public Flux<UUID> climbersAfter(UUID after, int limit) {
        // A loose index scan: one probe of the owner index per climber, not a pass over every tick.
        // Two texts rather than "(:after IS NULL OR owner_id > :after)", which a generic plan
        // cannot start from the index.
        String first = after == null ? "SELECT owner_id FROM logbook.tick"
                : "SELECT owner_id FROM logbook.tick WHERE owner_id > :after";
        DatabaseClient.GenericExecuteSpec page = db.sql("""
                        WITH RECURSIVE climber AS (
                            (%s ORDER BY owner_id LIMIT 1)
                            UNION ALL
                            SELECT (SELECT t.owner_id FROM logbook.tick t WHERE t.owner_id > c.owner_id ORDER BY t.owner_id LIMIT 1)
                              FROM climber c WHERE c.owner_id IS NOT NULL)
                        SELECT owner_id FROM climber WHERE owner_id IS NOT NULL LIMIT :limit""".formatted(first))
                .bind("limit", Math.max(1, limit));
        return (after == null ? page : page.bind("after", after))
                .map(row -> row.get("owner_id", UUID.class))
                .all();
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, UUID owner,
                                                          SendCounting counting, LocalDate from, LocalDate to) {
        return spec.bind("owner", owner)
                .bind("ropeFromAbove", counting.countsRopeFromAbove())
                .bind("from", Parameter.fromOrEmpty(from, LocalDate.class))
                .bind("to", Parameter.fromOrEmpty(to, LocalDate.class));
    }
}
