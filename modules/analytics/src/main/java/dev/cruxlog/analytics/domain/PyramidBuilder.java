package dev.cruxlog.analytics.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a pyramid from first sends. The top level is the hardest level sent; below it,
 * {@code levels - 1} further levels, empty ones included (a gap is information).
 *
 * <p>The ideal pyramid doubles per level: 1, 2, 4, 8. To support the next level up, the
 * current top should hold 2 sends, the one below 4, and so on: the advice lists what is
 * missing for that, in the climber's terms ("2 more 7b sends").
 */
public final class PyramidBuilder {

    static final int ADVICE_LEVELS = 4;

    private PyramidBuilder() {
    }

    /** One route's first send, as the logbook reports it. */
    public record Send(int level, Pyramid.Route route) {
    }

    public static Pyramid build(List<Send> sends, int levels) {
        if (sends.isEmpty() || levels < 1) {
            return new Pyramid(List.of(), List.of());
        }
        int top = sends.stream().mapToInt(Send::level).max().orElseThrow();
        Map<Integer, List<Pyramid.Route>> byLevel = new TreeMap<>();
        for (Send send : sends) {
            byLevel.computeIfAbsent(send.level(), k -> new ArrayList<>()).add(send.route());
        }
        List<Pyramid.Level> result = new ArrayList<>();
        List<Pyramid.Deficit> advice = new ArrayList<>();
        for (int i = 0; i < levels; i++) {
            int level = top - i;
            List<Pyramid.Route> routes = new ArrayList<>(byLevel.getOrDefault(level, List.of()));
            routes.sort(Comparator.comparing(Pyramid.Route::firstSent).reversed());
            int ideal = 1 << i;
            result.add(new Pyramid.Level(level, routes.size(), ideal, List.copyOf(routes)));
            int neededForNext = ideal * 2;
            // Advice keeps to the classic four levels under the next grade (2, 4, 8, 16): asking
            // for 64 sends six grades down, because more levels are on screen, helps nobody.
            if (i < ADVICE_LEVELS && routes.size() < neededForNext) {
                advice.add(new Pyramid.Deficit(top + 1, level, neededForNext - routes.size()));
            }
        }
        return new Pyramid(List.copyOf(result), List.copyOf(advice));
    }
}
