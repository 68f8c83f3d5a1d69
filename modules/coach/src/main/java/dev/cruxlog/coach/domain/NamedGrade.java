package dev.cruxlog.coach.domain;

import java.util.List;

/**
 * A grade the climber's question names ("what do I need for 5.12a?"), on the ladder of the
 * climber's own grade system, with what the discipline's pyramid holds at it and below it. The
 * computed insights answer it instead of repeating the advice for the next grade up.
 *
 * @param discipline the one the question names, or the grade's family's (sport for routes)
 * @param grade      the grade's level named in the climber's system ("5.12a", "7a+")
 * @param sendsAt    routes first sent at that level
 * @param below      the four levels under it, nearest first, each with the sends a pyramid
 *                   that supports the grade has there (2, 4, 8, 16) and the climber's
 */
public record NamedGrade(String discipline, String grade, int sendsAt, List<Step> below) {

    public NamedGrade {
        below = List.copyOf(below);
    }

    public record Step(String grade, int ideal, int sends) {
    }

    /** Sends a level {@code levelsBelow} under the named grade needs: 2, 4, 8, 16. */
    public static int idealBelow(int levelsBelow) {
        return 1 << levelsBelow;
    }
}
