package dev.cruxlog.analytics.adapter.in.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The period a page shows: all time, the last 12 months, or dates the climber typed (used
 * when "between these dates" is chosen, or when only dates are given). A range given
 * backwards is read forwards.
 *
 * @param window "all", "12m" or "range", for the form to show what was chosen
 */
public record Period(String window, LocalDate from, LocalDate to) {

    /** The period as a page's query asks for it: {@code window}, {@code from}, {@code to}. */
    record Request(String window, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

        Period resolve(LocalDate today) {
            return Period.of(window, from, to, today);
        }
    }

    static Period of(String window, LocalDate from, LocalDate to, LocalDate today) {
        boolean chosenByName = "all".equals(window) || "12m".equals(window);
        if (!chosenByName && (from != null || to != null)) {
            boolean backwards = from != null && to != null && from.isAfter(to);
            return new Period("range", backwards ? to : from, backwards ? from : to);
        }
        return "12m".equals(window) ? new Period("12m", today.minusMonths(12), null) : new Period("all", null, null);
    }

    public boolean isRange() {
        return window.equals("range");
    }

    /** The query string that shows this period again. */
    String query() {
        return switch (window) {
            case "range" -> (from == null ? "" : "&from=" + from) + (to == null ? "" : "&to=" + to);
            case "12m" -> "&window=12m";
            default -> "";
        };
    }
}
