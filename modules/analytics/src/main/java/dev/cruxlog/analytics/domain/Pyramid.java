package dev.cruxlog.analytics.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A performance pyramid: the top grade levels a climber has sent, hardest first, each
 * with its sends and the ideal 1-2-4-8 shape beside it.
 *
 * @param levels  hardest first
 * @param advice  what would support the next level, hardest deficit first; empty when none
 */
public record Pyramid(List<Level> levels, List<Deficit> advice) {

    /**
     * @param level      the grade level (see the grades module), e.g. 17 = 5.11d / 7a
     * @param sends      routes first sent at this level in the window
     * @param idealSends 1 at the top, then 2, 4, 8 ...
     */
    public record Level(int level, int sends, int idealSends, List<Route> routes) {
    }

    public record Route(String routeKey, String route, String location, LocalDate firstSent, String grade, int attempts,
                        int days, String style) {
    }

    /** {@code missing} more sends at {@code level} would support {@code targetLevel}. */
    public record Deficit(int targetLevel, int level, int missing) {
    }

    public boolean isEmpty() {
        return levels.isEmpty();
    }
}
