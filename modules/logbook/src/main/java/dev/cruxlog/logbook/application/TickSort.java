package dev.cruxlog.logbook.application;

import java.util.Locale;

import dev.cruxlog.platform.InvalidInput;

/** The orders the ticks list offers; each is a total order (ties broken by date, then id) for keyset paging. */
public enum TickSort {
    DATE_DESC, DATE_ASC, GRADE_DESC, GRADE_ASC;

    public static TickSort of(String sort) {
        if (sort == null || sort.isBlank()) {
            return DATE_DESC;
        }
        return switch (sort.trim().toLowerCase(Locale.ROOT)) {
            case "date", "date,desc" -> DATE_DESC;
            case "date,asc" -> DATE_ASC;
            case "grade", "grade,desc" -> GRADE_DESC;
            case "grade,asc" -> GRADE_ASC;
            default -> throw new InvalidInput("sort", "one of date, date,asc, grade, grade,asc.");
        };
    }

    public String id() {
        return switch (this) {
            case DATE_DESC -> "date";
            case DATE_ASC -> "date,asc";
            case GRADE_DESC -> "grade";
            case GRADE_ASC -> "grade,asc";
        };
    }
}
