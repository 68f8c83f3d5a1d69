package dev.cruxlog.logbook.domain;

import java.time.LocalDate;

/**
 * When a tick's date is "in the future". A climber ahead of UTC (New Zealand is 13 hours
 * ahead) logs today's climb with tomorrow's UTC date, so the future starts after tomorrow.
 * Such a tick is kept and flagged: left out of recent windows (the coach's last 30 days, recent
 * hard sends) until the climber fixes or confirms the date. The SQL that lists and filters
 * ticks writes the same rule as {@code climbed_on > current_date + 1}.
 */
public final class TickDates {

    private TickDates() {
    }

    public static boolean inFuture(LocalDate date, LocalDate today) {
        return date.isAfter(today.plusDays(1));
    }

    /** What an import says about such a row. */
    public static String futureWarning(LocalDate date) {
        return "Date " + date + " is in the future: kept and flagged, and left out of recent figures until you fix "
                + "or keep it in your logbook (Only ticks dated in the future)";
    }
}
