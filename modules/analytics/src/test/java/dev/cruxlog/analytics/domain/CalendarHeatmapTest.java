package dev.cruxlog.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CalendarHeatmapTest {

    @Test
    void aYearIsWholeWeeksFromMondayWithTheOtherYearsDaysBlankAndEachMonthNamedOnce() {
        CalendarHeatmap.Year year = CalendarHeatmap.of(2021, Map.of(
                LocalDate.of(2021, 1, 1), new CalendarHeatmap.DayOut(2, 3),
                LocalDate.of(2021, 7, 14), new CalendarHeatmap.DayOut(4, 12),
                LocalDate.of(2020, 12, 31), new CalendarHeatmap.DayOut(9, 9)));

        // 1 January 2021 was a Friday: the first week starts on Monday 28 December 2020.
        assertThat(year.weeks().get(0).days().get(0).date()).isEqualTo(LocalDate.of(2020, 12, 28));
        assertThat(year.weeks()).allSatisfy(week -> {
            assertThat(week.days()).hasSize(7);
            assertThat(week.days().get(0).date().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        });
        assertThat(year.weeks().get(year.weeks().size() - 1).days()).anyMatch(cell -> cell.date().equals(LocalDate.of(2021, 12, 31)));
        CalendarHeatmap.Cell lastOf2020 = year.weeks().get(0).days().get(3);
        assertThat(lastOf2020.inYear()).isFalse();
        assertThat(lastOf2020.pitches()).as("another year's day is drawn blank").isZero();
        CalendarHeatmap.Cell newYear = year.weeks().get(0).days().get(4);
        assertThat(newYear).isEqualTo(new CalendarHeatmap.Cell(LocalDate.of(2021, 1, 1), 2, 3, 2, true));
        assertThat(year.weeks().stream().flatMap(week -> week.days().stream())
                .filter(cell -> cell.date().equals(LocalDate.of(2021, 7, 14))).findFirst().orElseThrow().level()).isEqualTo(4);
        assertThat(year.weeks().stream().map(CalendarHeatmap.Week::month).filter(java.util.Objects::nonNull))
                .containsExactly("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");
        assertThat(CalendarHeatmap.weekdays()).containsExactly("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
    }

    @Test
    void levelsFollowTheBounds() {
        assertThat(CalendarHeatmap.level(0)).isZero();
        assertThat(CalendarHeatmap.level(2)).isEqualTo(1);
        assertThat(CalendarHeatmap.level(3)).isEqualTo(2);
        assertThat(CalendarHeatmap.level(10)).isEqualTo(3);
        assertThat(CalendarHeatmap.level(11)).isEqualTo(4);
    }
}
