package dev.cruxlog.logbook.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.cruxlog.logbook.AscentStyle;
import dev.cruxlog.logbook.DifficultyCategory;
import dev.cruxlog.logbook.LogbookStatistics.Area;
import dev.cruxlog.logbook.LogbookStatistics.BestSend;
import dev.cruxlog.logbook.LogbookStatistics.Day;
import dev.cruxlog.logbook.LogbookStatistics.HardSend;
import dev.cruxlog.logbook.LogbookStatistics.LevelRate;
import dev.cruxlog.logbook.LogbookStatistics.MonthSend;
import dev.cruxlog.logbook.LogbookStatistics.MonthVolume;
import dev.cruxlog.logbook.LogbookStatistics.Overview;
import dev.cruxlog.logbook.LogbookStatistics.Place;
import dev.cruxlog.logbook.LogbookStatistics.RouteSend;
import dev.cruxlog.logbook.LogbookStatistics.StyleCount;
import dev.cruxlog.logbook.LogbookStatistics.WholeLogbookFigures;
import dev.cruxlog.logbook.LogbookStatistics.YearLevel;
import dev.cruxlog.logbook.SendCounting;
import dev.cruxlog.logbook.domain.FigureNumbering.NumberedTick;

/**
 * Every figure of a whole logbook under one way of counting sends, folded from its ticks in
 * date order, one day at a time: the same answers as the logbook's per-figure SQL with no dates
 * (which stays the reference; ReadModelEquivalenceTest compares the two on every shared export
 * and a random sequence of writes), at the cost of one pass instead of twenty statements.
 *
 * <p>Figures that measure a tick against the climber's earlier days (tries, difficulty
 * categories, first sends) are why ticks must come in date order: a day's ticks are gathered
 * and folded together, so their order within the day never matters, as in the SQL. Memory is
 * one entry per route, day, month, place and grade, never per tick. Text is ordered by code
 * point and lower-cased in ASCII only, as the SQL does with {@code COLLATE "C"} (so the two
 * agree whatever the database's own collation and character type).
 */
public final class WholeLogbookFold {

    /** The styles of a clean ascent on a rope from above: a send only when the climber counts them. */
    private static final Set<String> ROPE_FROM_ABOVE = Arrays.stream(AscentStyle.values())
            .filter(AscentStyle::isRopeFromAbove).map(AscentStyle::id).collect(Collectors.toUnmodifiableSet());

    /** How many recent hard sends the overview lists. */
    private static final int RECENT_HARD_SENDS = 10;

    private final boolean ropeFromAbove;
    private final LocalDate latestRecentDay;

    /** Shared with the folds of the other ways of counting the same ticks ({@link WholeLogbookFolds}). */
    private final FigureNumbering numbering;

    private LocalDate day;
    private final List<NumberedTick> dayTicks = new ArrayList<>();

    // The overview.
    private long ticks;
    private long pitches;
    private final Set<String> regions = new HashSet<>();
    private long sends;
    private long lengthFeet;
    private final Map<String, Long> disciplines = new TreeMap<>(CodePoints.ORDER);
    private final Map<String, long[]> areaPitchesAndTicks = new HashMap<>();
    private final Map<String, FigureTick> bestSends = new HashMap<>();
    private final List<HardSend> hardSends = new ArrayList<>();
    private long projectAttempts;
    private final Map<DifficultyCategory, Long> sendsByCategory = new EnumMap<>(DifficultyCategory.class);

    // Tries and categories: what earlier days left behind. By the numbers of FigureNumbering.
    private final Map<String, Integer> hardestSentLevel = new HashMap<>();
    /** By route key: tries on earlier days, then (only while a day is folded) that day's failed ones. */
    private long[] routeTicksBefore = new long[256];
    private long[] failedToday = new long[256];
    /** By route (discipline and key); null for a route of no graded try yet. */
    private final List<RouteProgress> routes = new ArrayList<>();

    // The other figures.
    private final Map<String, long[]> monthVolumes = new TreeMap<>();
    private final Map<MonthStyle, FigureTick> monthHardest = new HashMap<>();
    private final List<Day> days = new ArrayList<>();
    /** By place number. */
    private final List<PlaceProgress> places = new ArrayList<>();
    private LocalDate monthOf;
    private String month;
    private final Map<DisciplineStyle, Long> styles = new HashMap<>();
    private final Map<DisciplineGrade, long[]> sendRates = new HashMap<>();
    private final Map<YearGrade, Long> gradeDistribution = new HashMap<>();

    /**
     * @param today the database's date: a tick dated after the day after it has not happened
     *              yet, so it is not a recent hard send (as in the SQL, which reads {@code current_date})
     */
    public WholeLogbookFold(SendCounting counting, LocalDate today) {
        this(counting, today, new FigureNumbering());
    }

    WholeLogbookFold(SendCounting counting, LocalDate today, FigureNumbering numbering) {
        this.ropeFromAbove = counting.countsRopeFromAbove();
        this.latestRecentDay = today.plusDays(1);
        this.numbering = numbering;
    }

    /** The next tick: none may be dated before one already added. */
    public void add(FigureTick tick) {
        add(numbering.number(tick));
    }

    /** The next tick, numbered by this fold's numbering. */
    void add(NumberedTick numbered) {
        FigureTick tick = numbered.tick();
        if (day != null && tick.climbedOn().isBefore(day)) {
            throw new IllegalArgumentException("Ticks must come in date order: " + tick.climbedOn() + " after " + day);
        }
        if (!tick.climbedOn().equals(day)) {
            foldDay();
            day = tick.climbedOn();
        }
        if (routeTicksBefore.length < numbering.routeKeys()) {
            int length = Math.max(numbering.routeKeys(), routeTicksBefore.length * 2);
            routeTicksBefore = Arrays.copyOf(routeTicksBefore, length);
            failedToday = Arrays.copyOf(failedToday, length);
        }
        dayTicks.add(numbered);
    }

    private boolean countsAsSend(FigureTick tick) {
        return tick.send() || ropeFromAbove && ROPE_FROM_ABOVE.contains(tick.style());
    }

    /** A top rope or follow the climber does not count as a send is not a try either. */
    private boolean triedOrCounted(FigureTick tick) {
        return tick.send() || ropeFromAbove || !ROPE_FROM_ABOVE.contains(tick.style());
    }

    private void foldDay() {
        if (dayTicks.isEmpty()) {
            return;
        }
        if (monthOf == null || monthOf.getMonthValue() != day.getMonthValue() || monthOf.getYear() != day.getYear()) {
            monthOf = day;
            month = "%04d-%02d".formatted(day.getYear(), day.getMonthValue());
        }
        long[] monthVolume = monthVolumes.computeIfAbsent(month, m -> new long[3]);
        monthVolume[2]++;
        long dayPitches = 0;
        boolean daySent = false;
        for (NumberedTick numbered : dayTicks) {
            FigureTick tick = numbered.tick();
            boolean sent = countsAsSend(tick);
            ticks++;
            pitches += tick.pitches();
            dayPitches += tick.pitches();
            daySent |= sent;
            if (tick.lengthFeet() != null) {
                lengthFeet += tick.lengthFeet();
            }
            if (sent) {
                sends++;
            }
            disciplines.merge(tick.discipline(), 1L, Long::sum);
            if (tick.location() != null && !tick.location().isEmpty()) {
                long[] area = areaPitchesAndTicks.computeIfAbsent(tick.location(), a -> new long[2]);
                area[0] += tick.pitches();
                area[1]++;
            }
            if (!tick.locationPath().isEmpty()) {
                String region = tick.locationPath().get(0);
                if (region != null && !region.isEmpty()) {
                    regions.add(region);
                }
                PlaceProgress place = placeOf(numbered);
                place.ticks++;
                place.pitches += tick.pitches();
                place.lastVisit = day;
                if (sent) {
                    place.sends++;
                    if (tick.gradeIndex() != null) {
                        place.hardest = better(place.hardest, tick, PLACE_HARDEST);
                    }
                }
            }
            monthVolume[0]++;
            monthVolume[1] += tick.pitches();
            styles.merge(new DisciplineStyle(tick.discipline(), tick.style()), 1L, Long::sum);
            if (sent && tick.gradeIndex() != null) {
                bestSends.merge(tick.discipline(), tick, (a, b) -> better(a, b, HARDEST_EARLIEST));
                monthHardest.merge(new MonthStyle(month, tick.discipline(), tick.style()), tick,
                        (a, b) -> better(a, b, HARDEST_EARLIEST));
            }
            if (tick.gradeIndex() != null && tick.gradeLevel() != null) {
                long[] rate = sendRates.computeIfAbsent(new DisciplineGrade(tick.discipline(), tick.gradeIndex()), k -> new long[2]);
                rate[0]++;
                if (sent) {
                    rate[1]++;
                    gradeDistribution.merge(new YearGrade(day.getYear(), tick.discipline(), tick.gradeIndex()), 1L, Long::sum);
                }
            }
        }
        days.add(new Day(day, dayTicks.size(), dayPitches, daySent));
        foldTries();
        dayTicks.clear();
    }

    /** The figures that measure the day's graded tries against earlier days, then the day joins them. */
    private void foldTries() {
        List<NumberedTick> tries = new ArrayList<>();
        for (NumberedTick numbered : dayTicks) {
            if (numbered.tick().gradeLevel() != null && triedOrCounted(numbered.tick())) {
                tries.add(numbered);
            }
        }
        Map<Integer, List<NumberedTick>> byRoute = new LinkedHashMap<>();
        for (NumberedTick numbered : tries) {
            if (!countsAsSend(numbered.tick())) {
                failedToday[numbered.routeKey()]++;
            }
            byRoute.computeIfAbsent(numbered.route(), r -> new ArrayList<>()).add(numbered);
        }
        for (NumberedTick numbered : tries) {
            FigureTick tick = numbered.tick();
            Integer hardestBefore = hardestSentLevel.get(tick.discipline());
            int levelsBelow = (hardestBefore != null ? hardestBefore : tick.gradeLevel()) - tick.gradeLevel();
            if (countsAsSend(tick)) {
                long attempts = routeTicksBefore[numbered.routeKey()] + failedToday[numbered.routeKey()] + 1;
                sendsByCategory.merge(DifficultyCategory.of(levelsBelow), 1L, Long::sum);
                if (levelsBelow <= 2 && !tick.climbedOn().isAfter(latestRecentDay)) {
                    hardSends.add(new HardSend(tick.discipline(), tick.route(), tick.grade(), tick.gradeIndex(),
                            tick.climbedOn(), DifficultyCategory.of(levelsBelow), tick.style(), (int) attempts));
                }
            } else if (levelsBelow <= 0) {
                projectAttempts++;
            }
        }
        if (hardSends.size() > 10 * RECENT_HARD_SENDS) {
            keepRecentHardSends();
        }
        // First sends: per discipline and route, the tries of earlier days on it, that day's failed
        // ones and the send; the route's days up to it; all its sends.
        byRoute.forEach((route, routeTicks) -> {
            RouteProgress progress = routeOf(route, routeTicks.get(0).tick());
            progress.days++;
            long failed = 0;
            FigureTick firstSend = null;
            int sent = 0;
            for (NumberedTick numbered : routeTicks) {
                if (countsAsSend(numbered.tick())) {
                    sent++;
                    if (firstSend == null || FIRST_OF_A_DAY.compare(numbered.tick(), firstSend) < 0) {
                        firstSend = numbered.tick();
                    }
                } else {
                    failed++;
                }
            }
            if (progress.firstSend == null && firstSend != null) {
                progress.firstSend = firstSend;
                progress.attempts = progress.ticksBefore + failed + 1;
                progress.daysToSend = progress.days;
            }
            progress.sends += sent;
            progress.ticksBefore += routeTicks.size();
        });
        for (NumberedTick numbered : tries) {
            routeTicksBefore[numbered.routeKey()]++;
            failedToday[numbered.routeKey()] = 0;
            if (countsAsSend(numbered.tick())) {
                hardestSentLevel.merge(numbered.tick().discipline(), numbered.tick().gradeLevel(), Math::max);
            }
        }
    }

    private RouteProgress routeOf(int number, FigureTick tick) {
        return numbered(routes, number, () -> new RouteProgress(tick.discipline(), tick.routeKey()));
    }

    private PlaceProgress placeOf(NumberedTick numbered) {
        return numbered(places, numbered.place(), () -> new PlaceProgress(numbered.tick().locationPath(), day));
    }

    /** The entry for a number, made when the number is first met (a route without tries has none). */
    private static <T> T numbered(List<T> byNumber, int number, Supplier<T> first) {
        while (byNumber.size() <= number) {
            byNumber.add(null);
        }
        T entry = byNumber.get(number);
        if (entry == null) {
            entry = first.get();
            byNumber.set(number, entry);
        }
        return entry;
    }

    private void keepRecentHardSends() {
        hardSends.sort(RECENT_FIRST);
        hardSends.subList(Math.min(RECENT_HARD_SENDS, hardSends.size()), hardSends.size()).clear();
    }

    /** The figures of every tick added. */
    public WholeLogbookFigures result() {
        foldDay();
        keepRecentHardSends();
        Map<String, List<RouteSend>> firstSends = new HashMap<>();
        routes.forEach(progress -> {
            if (progress != null && progress.firstSend != null) {
                FigureTick send = progress.firstSend;
                firstSends.computeIfAbsent(progress.discipline, d -> new ArrayList<>()).add(new RouteSend(progress.routeKey,
                        send.route(), send.location(), send.climbedOn(), send.grade(), send.gradeIndex(), send.gradeLevel(),
                        send.style(), (int) progress.attempts, (int) progress.daysToSend, (int) progress.sends));
            }
        });
        firstSends.values().forEach(list -> list.sort(PYRAMID_ORDER));
        List<Area> favourites = areaPitchesAndTicks.entrySet().stream()
                .map(e -> new Area(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingLong(Area::pitches).reversed().thenComparing(Comparator.comparingLong(Area::ticks).reversed())
                        .thenComparing(Area::name, CodePoints.ORDER))
                .limit(3).toList();
        List<BestSend> best = bestSends.values().stream()
                .map(t -> new BestSend(t.discipline(), t.route(), t.grade(), t.gradeIndex(), t.climbedOn()))
                .sorted(Comparator.comparing(BestSend::discipline, CodePoints.ORDER)).toList();
        // Days out, the first day and the areas are what the days and the areas' totals already hold.
        Overview overview = new Overview(ticks, pitches, days.size(), days.isEmpty() ? null : days.get(0).date(),
                areaPitchesAndTicks.size(), regions.size(), sends,
                disciplines, favourites, best, List.copyOf(hardSends), projectAttempts, lengthFeet, sendsByCategory);
        List<MonthSend> months = monthHardest.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(MonthStyle::month, CodePoints.ORDER)
                        .thenComparing(MonthStyle::discipline, CodePoints.ORDER).thenComparing(MonthStyle::style, CodePoints.ORDER)))
                .map(e -> new MonthSend(e.getKey().month(), e.getKey().discipline(), e.getKey().style(), e.getValue().grade(),
                        e.getValue().gradeIndex(), e.getValue().route()))
                .toList();
        List<MonthVolume> volumes = monthVolumes.entrySet().stream()
                .map(e -> new MonthVolume(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
        List<Place> placeList = Arrays.stream(numbering.placesInPathOrder()).mapToObj(places::get)
                .map(p -> new Place(p.path, p.ticks, p.pitches, p.sends, p.hardest == null ? null : p.hardest.grade(),
                        p.hardest == null ? null : p.hardest.gradeIndex(), p.firstVisit, p.lastVisit))
                .toList();
        List<StyleCount> styleList = styles.entrySet().stream()
                .map(e -> new StyleCount(e.getKey().discipline(), e.getKey().style(), e.getValue()))
                .sorted(Comparator.comparing(StyleCount::discipline, CodePoints.ORDER).thenComparing(StyleCount::style, CodePoints.ORDER))
                .toList();
        List<LevelRate> rates = sendRates.entrySet().stream()
                .map(e -> new LevelRate(e.getKey().discipline(), e.getKey().gradeIndex(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparing(LevelRate::discipline, CodePoints.ORDER).thenComparingInt(LevelRate::gradeIndex))
                .toList();
        List<YearLevel> distribution = gradeDistribution.entrySet().stream()
                .map(e -> new YearLevel(e.getKey().year(), e.getKey().discipline(), e.getKey().gradeIndex(), e.getValue()))
                .sorted(Comparator.comparingInt(YearLevel::year).thenComparing(YearLevel::discipline, CodePoints.ORDER)
                        .thenComparingInt(YearLevel::gradeIndex))
                .toList();
        return new WholeLogbookFigures(firstSends, overview, months, volumes, List.copyOf(days), placeList, styleList, rates,
                distribution);
    }

    private static FigureTick better(FigureTick kept, FigureTick candidate, Comparator<FigureTick> bestFirst) {
        return kept == null || bestFirst.compare(candidate, kept) < 0 ? candidate : kept;
    }

    // --- the orders, each the SQL's ORDER BY (PostgreSQL puts nulls first when descending) --------

    private static final Comparator<Integer> NULLS_LAST = Comparator.nullsLast(Comparator.naturalOrder());

    private static final Comparator<Integer> DESCENDING_NULLS_FIRST = NULLS_LAST.reversed();

    /** Best send per discipline, hardest per month: grade_index DESC, climbed_on, lower(route), route, grade. */
    private static final Comparator<FigureTick> HARDEST_EARLIEST = Comparator.comparing(FigureTick::gradeIndex, DESCENDING_NULLS_FIRST)
            .thenComparing(FigureTick::climbedOn)
            .thenComparing(t -> CodePoints.lower(t.route()), CodePoints.ORDER)
            .thenComparing(FigureTick::route, CodePoints.ORDER)
            .thenComparing(FigureTick::grade, CodePoints.ORDER);

    /** Hardest send per place: grade_index DESC, grade. */
    private static final Comparator<FigureTick> PLACE_HARDEST = Comparator.comparing(FigureTick::gradeIndex, DESCENDING_NULLS_FIRST)
            .thenComparing(FigureTick::grade, CodePoints.ORDER);

    /** Of two sends of a route on its first day: the better style, the harder, then grade and id. */
    private static final Comparator<FigureTick> FIRST_OF_A_DAY = Comparator.comparingInt((FigureTick t) -> styleRank(t.style()))
            .thenComparing(FigureTick::gradeIndex, DESCENDING_NULLS_FIRST)
            .thenComparing(FigureTick::grade, CodePoints.ORDER)
            .thenComparing(FigureTick::id, WholeLogbookFold::compareUuids);

    /** The pyramid's routes: hardest, then latest, then by route. */
    private static final Comparator<RouteSend> PYRAMID_ORDER = Comparator.comparingInt(RouteSend::gradeIndex).reversed()
            .thenComparing(Comparator.comparing(RouteSend::firstSent).reversed())
            .thenComparing(RouteSend::routeKey, CodePoints.ORDER);

    /** Recent hard sends: latest first, then by every field shown, so equal rows are the only ties. */
    private static final Comparator<HardSend> RECENT_FIRST = Comparator.comparing(HardSend::date).reversed()
            .thenComparing(h -> CodePoints.lower(h.route()), CodePoints.ORDER)
            .thenComparing(HardSend::grade, CodePoints.ORDER)
            .thenComparing(HardSend::style, CodePoints.ORDER)
            .thenComparing(HardSend::route, CodePoints.ORDER)
            .thenComparing(HardSend::discipline, CodePoints.ORDER)
            .thenComparing(HardSend::gradeIndex, NULLS_LAST)
            .thenComparing(HardSend::category)
            .thenComparingInt(HardSend::attempts);

    private static int styleRank(String style) {
        return switch (style) {
            case "onsight" -> 0;
            case "flash" -> 1;
            case "redpoint" -> 2;
            case "pinkpoint" -> 3;
            default -> 4;
        };
    }

    /** PostgreSQL orders uuids by their bytes, unsigned; {@link UUID#compareTo} compares signed longs. */
    static int compareUuids(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    private record MonthStyle(String month, String discipline, String style) {
    }

    private record DisciplineStyle(String discipline, String style) {
    }

    private record DisciplineGrade(String discipline, int gradeIndex) {
    }

    private record YearGrade(int year, String discipline, int gradeIndex) {
    }

    private static final class RouteProgress {
        final String discipline;
        final String routeKey;
        long ticksBefore;
        long days;
        long sends;
        FigureTick firstSend;
        long attempts;
        long daysToSend;

        RouteProgress(String discipline, String routeKey) {
            this.discipline = discipline;
            this.routeKey = routeKey;
        }
    }

    private static final class PlaceProgress {
        long ticks;
        long pitches;
        long sends;
        FigureTick hardest;
        final List<String> path;
        final LocalDate firstVisit;
        LocalDate lastVisit;

        PlaceProgress(List<String> path, LocalDate firstVisit) {
            this.path = path;
            this.firstVisit = firstVisit;
        }
    }

    /** Text as PostgreSQL's C collation orders and lower-cases it. */
    static final class CodePoints {

        static final Comparator<String> ORDER = Comparator.nullsLast(CodePoints::compare);

        /** Arrays element by element; a prefix first. */
        static final Comparator<List<String>> LIST_ORDER = (a, b) -> {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                int c = ORDER.compare(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.size(), b.size());
        };

        private CodePoints() {
        }

        /**
         * UTF-16 order but for surrogates, which code point order puts above U+E000..U+FFFF:
         * the first differing units are moved apart as ICU's code point comparison does.
         */
        static int compare(String a, String b) {
            int length = Math.min(a.length(), b.length());
            for (int i = 0; i < length; i++) {
                char x = a.charAt(i);
                char y = b.charAt(i);
                if (x != y) {
                    return x >= 0xD800 && y >= 0xD800 ? Integer.compare(codePointRank(x), codePointRank(y)) : x - y;
                }
            }
            return a.length() - b.length();
        }

        private static int codePointRank(char unit) {
            return unit >= 0xE000 ? unit - 0x800 : unit + 0x2000;
        }

        /**
         * A to Z only, as PostgreSQL's {@code lower(text COLLATE "C")}: its plain {@code lower()}
         * follows the database's character type (ASCII only under C, full case mapping under ICU).
         */
        static String lower(String text) {
            if (text == null) {
                return null;
            }
            char[] lower = null;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= 'A' && c <= 'Z') {
                    if (lower == null) {
                        lower = text.toCharArray();
                    }
                    lower[i] = (char) (c + ('a' - 'A'));
                }
            }
            return lower == null ? text : new String(lower);
        }
    }
}
