package dev.cruxlog.analytics.application;

import java.util.Map;

import dev.cruxlog.grades.Grade;
import dev.cruxlog.grades.GradeSystem;
import dev.cruxlog.grades.Grades;

/**
 * Grades as a climber reads them on a page: in their preferred system for the grade's family
 * (routes, boulders), as logged when it is already that system. The API keeps the logged text
 * and the index; pages, which people read, convert.
 */
public final class ShownGrades {

    private final Grades grades;
    private final Map<String, String> preferred;

    ShownGrades(Grades grades, Map<String, String> preferred) {
        this.grades = grades;
        this.preferred = preferred;
    }

    /**
     * @param logged the grade as logged ("5.10b/c", "7a", "V4")
     * @param index  its position on the family's difficulty index, as the logbook read it; null if unknown
     */
    public String of(String logged, Integer index) {
        if (logged == null || index == null) {
            return logged;
        }
        Grade grade = grades.parse(logged, null).orElse(null);
        if (grade == null || !grade.indexed()) {
            return logged;
        }
        GradeSystem system = InsightsService.preferredSystem(preferred,
                grade.family() == dev.cruxlog.grades.GradeFamily.BOULDER ? "boulder" : "route");
        return grade.system() == system ? logged : grades.format(index, system);
    }
}
