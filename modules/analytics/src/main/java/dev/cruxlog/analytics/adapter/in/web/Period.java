package dev.cruxlog.analytics.adapter.in.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The period a page shows: all time, the last 12 months, or dates the climber typed (used
 * when "between these dates" is chosen, or when only dates are given). A range given
 * backwards is read forwards; a date that is no date is left out and said so.
 *
 * @param window  "all", "12m" or "range", for the form to show what was chosen
 * @param problem what was wrong with the request, for the page to say; null when nothing was
 */
public record Period(String window, LocalDate from, LocalDate to, String problem) {

    Period(String window, LocalDate from, LocalDate to) {
        this(window, from, to, null);
    }

    /** The period as a page's query gives it: {@code window}, {@code from}, {@code to}, as typed. */
    record Request(String window, String from, String to) {

        Period resolve(LocalDate today) {
            List<String> notDates = new ArrayList<>();
            Period period = Period.of(window, date(from, notDates), date(to, notDates), today);
            return notDates.isEmpty() ? period : new Period(period.window(), period.from(), period.to(),
                    "'" + String.join("' and '", notDates) + "' is not a date (use YYYY-MM-DD), so it was left out.");
        }

        private static LocalDate date(String typed, List<String> notDates) {
            if (typed == null || typed.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(typed.trim());
            } catch (DateTimeParseException e) {
                notDates.add(typed.length() > 40 ? typed.substring(0, 40) + "…" : typed);
                return null;
            }
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
