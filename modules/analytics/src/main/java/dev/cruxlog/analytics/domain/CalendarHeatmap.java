package dev.cruxlog.analytics.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A calendar year of days out as weeks of seven cells (Monday first), the way contribution
 * calendars look: each cell's level (0 none, 1-4 more pitches) drives its colour, and each week
 * that holds a month's first day carries that month's name for the label row.
 */
public final class CalendarHeatmap {

    /** Pitches at or below each bound make levels 1 to 3; more is level 4. */
    public static final List<Long> LEVEL_BOUNDS = List.of(2L, 5L, 10L);

    private CalendarHeatmap() {
    }

    /**
     * @param inYear false for the days of the first and last weeks that belong to the next or
     *               previous year: drawn blank, so every week is a whole column
     */
    public record Cell(LocalDate date, long ticks, long pitches, int level, boolean inYear) {
    }

    /** @param month the short name of the month that starts in this week, or null */
    public record Week(String month, List<Cell> days) {
    }

    public record Year(int year, List<Week> weeks) {
    }

    /** One day out's numbers, as the calendar needs them. */
    public record DayOut(long ticks, long pitches) {
    }

    /** The weeks from the one holding 1 January to the one holding 31 December of {@code year}. */
    public static Year of(int year, Map<LocalDate, DayOut> days) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        List<Week> weeks = new ArrayList<>();
        for (LocalDate monday = first.with(DayOfWeek.MONDAY); !monday.isAfter(last); monday = monday.plusWeeks(1)) {
            List<Cell> week = new ArrayList<>(7);
            String month = null;
            for (int d = 0; d < 7; d++) {
                LocalDate day = monday.plusDays(d);
                boolean inYear = day.getYear() == year;
                DayOut out = inYear ? days.get(day) : null;
                long pitches = out == null ? 0 : out.pitches();
                week.add(new Cell(day, out == null ? 0 : out.ticks(), pitches, level(pitches), inYear));
                if (inYear && day.getDayOfMonth() == 1) {
                    month = day.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
                }
            }
            weeks.add(new Week(month, List.copyOf(week)));
        }
        return new Year(year, List.copyOf(weeks));
    }

    /** The weekday names down the side, Monday first; only every other one is shown, as space allows. */
    public static List<String> weekdays() {
        List<String> names = new ArrayList<>(7);
        for (DayOfWeek day : DayOfWeek.values()) {
            names.add(day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        }
        return List.copyOf(names);
    }

    static int level(long pitches) {
        if (pitches <= 0) {
            return 0;
        }
        for (int i = 0; i < LEVEL_BOUNDS.size(); i++) {
            if (pitches <= LEVEL_BOUNDS.get(i)) {
                return i + 1;
            }
        }
        return LEVEL_BOUNDS.size() + 1;
    }
}
