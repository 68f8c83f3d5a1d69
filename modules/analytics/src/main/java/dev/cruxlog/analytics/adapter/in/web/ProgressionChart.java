package dev.cruxlog.analytics.adapter.in.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.cruxlog.analytics.Pyramids;
import dev.cruxlog.analytics.application.InsightsService;
import dev.cruxlog.logbook.AscentStyle;
import dev.cruxlog.logbook.Discipline;
import dev.cruxlog.logbook.LogbookStatistics;

/**
 * The progression page's pictures, one per discipline: the hardest grade sent each month, worked
 * (redpoint, pinkpoint) and first try (onsight, flash), over the pitches climbed that month, on a
 * time axis counted in months. The axis runs through the months with no climbing, and a line
 * breaks across them, so a 20-month gap looks like one.
 *
 * @param id    the discipline, as the logbook names it
 * @param chart what analytics-charts.js draws: {@code first} and {@code last} month numbers
 *              (year × 12 + month − 1), {@code volume} points, {@code lines} with their points
 *              (a null grade where the line breaks), {@code grades} naming each index drawn
 */
public record ProgressionChart(String id, String name, Map<String, Object> chart) {

    /** The pages' order of disciplines; snow, which has no pyramid, has a progression and comes last. */
    private static final List<String> DISCIPLINE_ORDER = java.util.stream.Stream.concat(Pyramids.DISCIPLINES.stream(),
            java.util.stream.Stream.of(Discipline.SNOW.id())).toList();

    /** @param gradeName a grade as the climber reads it, from the grade as logged and its index ({@code ShownGrades::of}) */
    public static List<ProgressionChart> of(InsightsService.Progression progression,
                                            java.util.function.BiFunction<String, Integer, String> gradeName) {
        if (progression.volume().isEmpty()) {
            return List.of();
        }
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        List<Map<String, Object>> volume = new ArrayList<>();
        for (LogbookStatistics.MonthVolume month : progression.volume()) {
            int number = monthNumber(month.month());
            first = Math.min(first, number);
            last = Math.max(last, number);
            volume.add(point(number, month.pitches()));
        }
        Map<String, Map<String, TreeMap<Integer, LogbookStatistics.MonthSend>>> byDiscipline = new TreeMap<>(
                java.util.Comparator.comparingInt(ProgressionChart::rank).thenComparing(d -> d));
        for (LogbookStatistics.MonthSend send : progression.hardestByMonth()) {
            AscentStyle style = AscentStyle.fromId(send.style());
            String line = style.isRedpoint() ? "Redpoint" : style.isFirstTry() ? "Onsight or flash" : null;
            if (line == null) {
                continue;
            }
            byDiscipline.computeIfAbsent(send.discipline(), d -> new LinkedHashMap<>())
                    .computeIfAbsent(line, l -> new TreeMap<>())
                    .merge(monthNumber(send.month()), send, (a, b) -> a.gradeIndex() >= b.gradeIndex() ? a : b);
        }
        List<ProgressionChart> charts = new ArrayList<>();
        for (var discipline : byDiscipline.entrySet()) {
            Map<Integer, String> names = new TreeMap<>();
            List<Map<String, Object>> lines = new ArrayList<>();
            for (String label : List.of("Redpoint", "Onsight or flash")) {
                TreeMap<Integer, LogbookStatistics.MonthSend> months = discipline.getValue().get(label);
                if (months == null) {
                    continue;
                }
                List<Map<String, Object>> points = new ArrayList<>();
                Integer previous = null;
                for (var month : months.entrySet()) {
                    if (previous != null && month.getKey() > previous + 1) {
                        points.add(point(previous + 1, null));
                    }
                    points.add(point(month.getKey(), month.getValue().gradeIndex()));
                    names.putIfAbsent(month.getValue().gradeIndex(), gradeName.apply(month.getValue().grade(),
                            month.getValue().gradeIndex()));
                    previous = month.getKey();
                }
                lines.add(Map.of("label", label, "points", points));
            }
            Map<String, Object> chart = new LinkedHashMap<>();
            chart.put("first", first);
            chart.put("last", last);
            chart.put("volume", volume);
            chart.put("lines", lines);
            chart.put("grades", names);
            charts.add(new ProgressionChart(discipline.getKey(), ClimbingNames.discipline(discipline.getKey()), chart));
        }
        return List.copyOf(charts);
    }

    /** "2024-05" as 2024 × 12 + 4: consecutive months are consecutive numbers. */
    static int monthNumber(String month) {
        return Integer.parseInt(month.substring(0, 4)) * 12 + Integer.parseInt(month.substring(5, 7)) - 1;
    }

    private static Map<String, Object> point(int x, Number y) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("x", x);
        point.put("y", y);
        return point;
    }

    private static int rank(String discipline) {
        int index = DISCIPLINE_ORDER.indexOf(discipline);
        return index < 0 ? DISCIPLINE_ORDER.size() : index;
    }
}
