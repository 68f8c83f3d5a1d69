package dev.cruxlog.analytics.adapter.in.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cruxlog.analytics.application.InsightsService;
import dev.cruxlog.analytics.domain.RestDays;
import dev.cruxlog.logbook.DifficultyCategory;
import dev.cruxlog.logbook.LogbookStatistics;

/**
 * What analytics' REST API answers, as analytics' own records: the logbook's statistics records
 * are the logbook's API to analytics, not analytics' contract with its callers, so a change to
 * them is a change here that a reviewer sees (and the API tests hold the JSON to its names).
 */
final class AnalyticsBodies {

    private AnalyticsBodies() {
    }

    /** The overview; {@code sendsByCategory} keyed by the category's name. */
    record Overview(long ticks, long pitches, long daysOutside, LocalDate firstDay, long uniqueAreas, long regions, long sends,
                    double sendRate, Map<String, Long> disciplines, List<Area> favouriteAreas, List<BestSend> bestSends,
                    List<HardSend> recentHardSends, long projectAttempts, long totalLengthFeet,
                    Map<String, Long> sendsByCategory) {

        static Overview of(LogbookStatistics.Overview overview) {
            Map<String, Long> categories = new LinkedHashMap<>();
            for (DifficultyCategory category : DifficultyCategory.values()) {
                Long sends = overview.sendsByCategory().get(category);
                if (sends != null) {
                    categories.put(category.name(), sends);
                }
            }
            return new Overview(overview.ticks(), overview.pitches(), overview.daysOutside(), overview.firstDay(),
                    overview.uniqueAreas(), overview.regions(), overview.sends(), overview.sendRate(), overview.disciplines(),
                    overview.favouriteAreas().stream().map(a -> new Area(a.name(), a.pitches(), a.ticks())).toList(),
                    overview.bestSends().stream()
                            .map(b -> new BestSend(b.discipline(), b.route(), b.grade(), b.gradeIndex(), b.date())).toList(),
                    overview.recentHardSends().stream()
                            .map(h -> new HardSend(h.discipline(), h.route(), h.grade(), h.gradeIndex(), h.date(),
                                    h.category().name(), h.style(), h.attempts())).toList(),
                    overview.projectAttempts(), overview.totalLengthFeet(), categories);
        }
    }

    record Area(String name, long pitches, long ticks) {
    }

    record BestSend(String discipline, String route, String grade, int gradeIndex, LocalDate date) {
    }

    /** @param category PROJECT, TIER_2, TIER_3, TIER_4 or BASE_VOLUME: how far below the hardest sent before */
    record HardSend(String discipline, String route, String grade, Integer gradeIndex, LocalDate date, String category,
                    String style, int attempts) {
    }

    record Progression(List<MonthSend> hardestByMonth, List<MonthVolume> volume, List<InsightsService.YearGrade> gradeDistribution) {

        static Progression of(InsightsService.Progression progression) {
            return new Progression(
                    progression.hardestByMonth().stream().map(m -> new MonthSend(m.month(), m.discipline(), m.style(), m.grade(),
                            m.gradeIndex(), m.route())).toList(),
                    progression.volume().stream().map(v -> new MonthVolume(v.month(), v.ticks(), v.pitches(), v.days())).toList(),
                    progression.gradeDistribution());
        }
    }

    record MonthSend(String month, String discipline, String style, String grade, int gradeIndex, String route) {
    }

    record MonthVolume(String month, long ticks, long pitches, long days) {
    }

    record Calendar(List<Day> days, List<InsightsService.SeasonCount> seasons) {

        static Calendar of(InsightsService.Calendar calendar) {
            return new Calendar(calendar.days().stream().map(d -> new Day(d.date(), d.ticks(), d.pitches(), d.sent())).toList(),
                    calendar.seasons());
        }
    }

    record Day(LocalDate date, long ticks, long pitches, boolean sent) {
    }

    record Characteristics(List<StyleCount> styles, List<InsightsService.RateAtLevel> sendRateByLevel,
                           Map<String, Double> flashOrOnsightRate, Map<String, Map<Integer, Integer>> attemptsToSend,
                           RestDays.Summary restDays, List<InsightsService.CruxMix> cruxMix) {

        static Characteristics of(InsightsService.Characteristics characteristics) {
            return new Characteristics(characteristics.styles().stream()
                    .map(s -> new StyleCount(s.discipline(), s.style(), s.ticks())).toList(),
                    characteristics.sendRateByLevel(), characteristics.flashOrOnsightRate(), characteristics.attemptsToSend(),
                    characteristics.restDays(), characteristics.cruxMix());
        }
    }

    record StyleCount(String discipline, String style, long ticks) {
    }
}
