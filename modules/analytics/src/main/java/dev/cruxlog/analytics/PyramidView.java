package dev.cruxlog.analytics;

import java.time.LocalDate;
import java.util.List;

/**
 * The pyramid as the API returns it ({@code GET /api/v1/analytics/pyramid}), grades named
 * in the climber's preferred system.
 *
 * @param levels hardest first
 * @param next   what would support the next grade; null when there is nothing to build on
 */
public record PyramidView(String discipline, String gradeSystem, LocalDate from, LocalDate to, List<Level> levels,
                          NextGrade next) {

    public record Level(String grade, int gradeIndex, int level, int sends, int idealSends, List<Route> routes) {
    }

    /**
     * @param routeKey   address for {@code PATCH /api/v1/analytics/pyramid/routes}
     * @param cruxAngle  slab, vertical, overhang or roof, as the climber set it
     * @param cruxEnergy power, power-endurance, endurance or technical
     */
    public record Route(String routeKey, String route, String location, LocalDate firstSent, String grade, int attempts,
                        int days, String style, String cruxAngle, String cruxEnergy) {
    }

    /**
     * @param grade   the next grade up
     * @param needs   more sends needed per level, hardest first
     * @param summary e.g. "For 7b+: 1 more 7b send, 3 more 7a+ sends."
     */
    public record NextGrade(String grade, List<Need> needs, String summary) {
    }

    public record Need(String grade, int more) {
    }
}
