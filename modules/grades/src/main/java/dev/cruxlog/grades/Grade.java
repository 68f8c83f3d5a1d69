package dev.cruxlog.grades;

import java.util.List;

/**
 * A grade as logged, understood.
 *
 * @param original   exactly what the logbook said ("5.10b/c R", "V5-6", "WI5 M6")
 * @param system     the system of the main grade
 * @param index      position on the family's difficulty index (null for ice, mixed, aid, snow);
 *                   see {@code RouteScale} and {@code BoulderScale}
 * @param grade      the main grade alone, normalised ("5.10b/c", "V5-6", "7a+")
 * @param protection R, X, PG or PG13 when given
 * @param aid        an aid rating given beside a free grade ("A0", "C1")
 * @param others     further grades given with it ("V6" in "5.12b V6", "WI5" in "WI5 M6")
 */
public record Grade(String original, GradeSystem system, Integer index, String grade, String protection, String aid,
                    List<String> others) {

    public Grade {
        others = others == null ? List.of() : List.copyOf(others);
    }

    public GradeFamily family() {
        return system.family();
    }

    public boolean indexed() {
        return index != null;
    }

    /**
     * The coarse level pyramids group by: one level per letter grade (5.10a, 5.10b...) or
     * number grade (5.9, V4). Slash grades and +/- fall to the level below.
     */
    public Integer level() {
        return index == null ? null : Math.floorDiv(index, 10);
    }
}
