package dev.cruxlog.grades;

import java.util.List;
import java.util.Optional;

/** The grades module's API: read, convert and name grades. Pure computation, no I/O. */
public interface Grades {

    /** Reads a grade; empty when it is not one Cruxlog recognises. */
    Optional<Grade> parse(String raw, GradeSystem hint);

    /**
     * Reads a Mountain Project grade with its "Rating Code". When the text disagrees with
     * the code (a spreadsheet turned "5.10" into "5.1"), the code wins and a warning says so.
     */
    GradeReading readMountainProject(String raw, Integer ratingCode);

    /** The same grade in another system of its family; empty across families or for ice/aid. */
    Optional<String> convert(Grade grade, GradeSystem target);

    /** A difficulty index written in a system ("5.10b", "6a+", "V5", "7A"). */
    String format(int index, GradeSystem system);

    /** A pyramid level written in a system ("5.11a", "6c", "V4", "7A"). */
    String levelName(int level, GradeSystem system);

    List<GradeSystem> systems();

    /**
     * @param grade   the grade as understood, or null when unreadable
     * @param warning why the logged text was read differently (or not at all), or null
     */
    record GradeReading(Grade grade, String warning) {
    }
}
