package dev.cruxlog.logbook.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Numbers the routes and places of one logbook's ticks as a fold meets them (0, 1, 2, … in order
 * of first appearance), so the folds index arrays by number instead of hashing a route's key (a
 * URL of sixty characters) and a place's path a dozen times per tick. Each tick is hashed here
 * once, however many ways of counting fold it (a profile of the refresh of a 50,500-tick
 * logbook put 40 % of the fold's CPU samples in hash lookups by those strings).
 */
final class FigureNumbering {

    private final Map<String, RouteNumbers> routeKeys = new HashMap<>();
    private final Map<PathKey, Integer> places = new HashMap<>();
    private final List<List<String>> paths = new ArrayList<>();
    private int[] placesInPathOrder;
    private int routes;

    NumberedTick number(FigureTick tick) {
        RouteNumbers key = routeKeys.get(tick.routeKey());
        if (key == null) {
            key = new RouteNumbers(routeKeys.size());
            routeKeys.put(tick.routeKey(), key);
        }
        int route = key.routeOf(tick.discipline());
        int place = -1;
        if (!tick.locationPath().isEmpty()) {
            PathKey path = new PathKey(tick.locationPath());
            Integer known = places.get(path);
            if (known == null) {
                known = places.size();
                places.put(path, known);
                paths.add(tick.locationPath());
                placesInPathOrder = null;
            }
            place = known;
        }
        return new NumberedTick(tick, route, key.number, place);
    }

    /**
     * The places' numbers with their paths in the order the pages list them (by part, as
     * PostgreSQL's C collation orders text arrays): the same for every way of counting, so sorted
     * once for all of them.
     */
    int[] placesInPathOrder() {
        if (placesInPathOrder == null) {
            placesInPathOrder = IntStream.range(0, paths.size()).boxed()
                    .sorted(Comparator.comparing(paths::get, WholeLogbookFold.CodePoints.LIST_ORDER))
                    .mapToInt(Integer::intValue).toArray();
        }
        return placesInPathOrder;
    }

    /** How many route keys have been numbered: every number given is below it. */
    int routeKeys() {
        return routeKeys.size();
    }

    /**
     * A route key's number, and the number of the route under each discipline it was climbed in
     * (the same page logged as sport and as trad is two routes of two pyramids, as in the SQL).
     */
    private final class RouteNumbers {
        final int number;
        private String[] disciplines = new String[0];
        private int[] numbers = new int[0];

        RouteNumbers(int number) {
            this.number = number;
        }

        int routeOf(String discipline) {
            for (int i = 0; i < disciplines.length; i++) {
                if (disciplines[i].equals(discipline)) {
                    return numbers[i];
                }
            }
            disciplines = Arrays.copyOf(disciplines, disciplines.length + 1);
            numbers = Arrays.copyOf(numbers, numbers.length + 1);
            disciplines[disciplines.length - 1] = discipline;
            numbers[numbers.length - 1] = routes++;
            return numbers[numbers.length - 1];
        }
    }

    /**
     * A location path as a key: {@link List#hashCode} combines its parts' hashes by 31, so paths
     * of the same shape ("State 3", "Area 26", "Crag 23") collide by the thousand and the map
     * degrades to trees of list comparisons (half the numbering's time in a profile); the parts'
     * hashes are mixed here instead.
     */
    private record PathKey(List<String> path, int hash) {

        PathKey(List<String> path) {
            this(path, mixedHash(path));
        }

        private static int mixedHash(List<String> path) {
            int hash = path.size();
            for (String part : path) {
                hash = (hash ^ (part == null ? 0 : part.hashCode()) * 0x9E3779B9) * 0x85EBCA6B;
                hash ^= hash >>> 15;
            }
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PathKey key && key.hash == hash && key.path.equals(path);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * A tick with its numbers.
     *
     * @param route    the route under the tick's discipline (discipline and route key)
     * @param routeKey the route key alone: tries count across disciplines, as in the SQL
     * @param place    the location path, or -1 where the tick has none
     */
    record NumberedTick(FigureTick tick, int route, int routeKey, int place) {
    }
}
