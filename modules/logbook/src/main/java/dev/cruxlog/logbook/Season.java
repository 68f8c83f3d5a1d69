package dev.cruxlog.logbook;

import java.time.LocalDate;

/**
 * Climbing seasons by meteorological season (northern hemisphere months). Winter spans
 * the new year: December 2024 and February 2025 are both "Winter, 2024-2025".
 */
public final class Season {

    private Season() {
    }

    public static String of(LocalDate date) {
        int month = date.getMonthValue();
        int year = date.getYear();
        if (month == 12) {
            return "Winter, " + year + "-" + (year + 1);
        }
        if (month <= 2) {
            return "Winter, " + (year - 1) + "-" + year;
        }
        if (month <= 5) {
            return "Spring, " + year;
        }
        return month <= 8 ? "Summer, " + year : "Fall, " + year;
    }
}
