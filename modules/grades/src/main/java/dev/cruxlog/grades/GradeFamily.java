package dev.cruxlog.grades;

/** Grades of one family share a difficulty index and can be converted into each other. */
public enum GradeFamily {
    ROUTE,
    BOULDER,
    /** Ice, mixed, aid and snow grades are kept as given: no shared index. */
    OTHER
}
