package dev.cruxlog.analytics.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Rest between climbing days: how many days off between consecutive days out. */
public final class RestDays {

    private RestDays() {
    }

    /**
     * @param histogram days off (0 = back-to-back) to how often that happened; gaps of more
     *                  than 30 days count as 30 (a season break, not rest)
     */
    public record Summary(double average, Map<Integer, Integer> histogram) {
    }

    public static Summary of(List<LocalDate> sortedDays) {
        Map<Integer, Integer> histogram = new TreeMap<>();
        long total = 0;
        int gaps = 0;
        for (int i = 1; i < sortedDays.size(); i++) {
            int off = (int) Math.min(30, ChronoUnit.DAYS.between(sortedDays.get(i - 1), sortedDays.get(i)) - 1);
            histogram.merge(off, 1, Integer::sum);
            total += off;
            gaps++;
        }
        return new Summary(gaps == 0 ? 0 : (double) total / gaps, histogram);
    }
}
