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

    /**
     * The level a difficulty index falls on in a system's own ladder: one level per letter or
     * number grade in YDS and V (5.10a, 5.10b, ...; V4, V5), one per grade of the chart in every
     * other system (6a, 6a+, 6b, ... in French). Pyramids and per-grade figures group by it, so a
     * climber who reads French sees one level per French grade, never two levels with one name:
     * YDS letters the chart puts on one French grade merge, and the other way round they split.
     */
    int level(int index, GradeSystem system);

    /** The name of a level of {@link #level(int, GradeSystem)} ("5.11a", "6c", "V4", "7A"). */
    String levelName(int level, GradeSystem system);

    /** Where a level sits on the difficulty index (its grade's index), for charts and ordering. */
    int levelIndex(int level, GradeSystem system);

    List<GradeSystem> systems();

    /**
     * @param grade   the grade as understood, or null when unreadable
     * @param warning why the logged text was read differently (or not at all), or null
     */
    record GradeReading(Grade grade, String warning) {
    }
}
