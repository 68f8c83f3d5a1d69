package dev.cruxlog.analytics.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A year of days out as weeks of seven cells (Monday first), the way contribution
 * calendars look: each cell's level (0 none, 1-4 more pitches) drives its colour.
 */
public final class CalendarHeatmap {

    private CalendarHeatmap() {
    }

    public record Cell(LocalDate date, long pitches, int level) {
    }

    /** @param pitchesByDay pitches per day out; the grid covers the 52 weeks ending with {@code end}'s week */
    public static List<List<Cell>> build(Map<LocalDate, Long> pitchesByDay, LocalDate end) {
        LocalDate start = end.with(DayOfWeek.MONDAY).minusWeeks(52);
        List<List<Cell>> weeks = new ArrayList<>();
        for (LocalDate monday = start; !monday.isAfter(end); monday = monday.plusWeeks(1)) {
            List<Cell> week = new ArrayList<>(7);
            for (int d = 0; d < 7; d++) {
                LocalDate day = monday.plusDays(d);
                long pitches = pitchesByDay.getOrDefault(day, 0L);
                week.add(new Cell(day, pitches, level(pitches)));
            }
            weeks.add(List.copyOf(week));
        }
        return List.copyOf(weeks);
    }

    static int level(long pitches) {
        if (pitches <= 0) {
            return 0;
        }
        if (pitches <= 2) {
            return 1;
        }
        if (pitches <= 5) {
            return 2;
        }
        return pitches <= 10 ? 3 : 4;
    }
}
