package dev.cruxlog.analytics.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.cruxlog.analytics.application.InsightsService;
import dev.cruxlog.logbook.LogbookStatistics.MonthSend;
import dev.cruxlog.logbook.LogbookStatistics.MonthVolume;
import org.junit.jupiter.api.Test;

class ProgressionChartTest {

    @Test
    void aMonthWithoutClimbingBreaksTheLineAndTheAxisRunsThroughEveryMonth() {
        InsightsService.Progression progression = new InsightsService.Progression(List.of(
                new MonthSend("2022-01", "sport", "redpoint", "7a", 20, "Early"),
                new MonthSend("2022-02", "sport", "pinkpoint", "7a+", 21, "Next"),
                new MonthSend("2022-02", "sport", "redpoint", "7a", 20, "Same month, easier"),
                new MonthSend("2023-10", "sport", "redpoint", "7b", 23, "After the gap"),
                new MonthSend("2023-10", "sport", "flash", "6c", 18, "Flashed"),
                new MonthSend("2023-10", "boulder", "flash", "V4", 4, "Problem"),
                new MonthSend("2023-10", "sport", "attempt", "8a", 28, "Not a send line")),
                List.of(new MonthVolume("2022-01", 3, 5, 2), new MonthVolume("2022-02", 1, 1, 1),
                        new MonthVolume("2023-10", 4, 9, 3)),
                List.of());

        List<ProgressionChart> charts = ProgressionChart.of(progression, (logged, index) -> logged + "@" + index);

        assertThat(charts).extracting(ProgressionChart::id).containsExactly("sport", "boulder");
        Map<String, Object> sport = charts.get(0).chart();
        assertThat(sport.get("first")).isEqualTo(2022 * 12);
        assertThat(sport.get("last")).isEqualTo(2023 * 12 + 9);
        assertThat(sport.get("volume").toString()).isEqualTo("[{x=24264, y=5}, {x=24265, y=1}, {x=24285, y=9}]");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) sport.get("lines");
        assertThat(lines).extracting(line -> line.get("label")).containsExactly("Redpoint", "Onsight or flash");
        assertThat(lines.get(0).get("points").toString())
                .isEqualTo("[{x=24264, y=20}, {x=24265, y=21}, {x=24266, y=null}, {x=24285, y=23}]");
        assertThat(lines.get(1).get("points").toString()).isEqualTo("[{x=24285, y=18}]");
        assertThat(sport.get("grades").toString()).isEqualTo("{18=6c@18, 20=7a@20, 21=7a+@21, 23=7b@23}");
        assertThat(charts.get(1).name()).isEqualTo("Boulder");
    }

    @Test
    void noVolumeNoCharts() {
        assertThat(ProgressionChart.of(new InsightsService.Progression(List.of(), List.of(), List.of()), (g, i) -> g)).isEmpty();
    }
}
