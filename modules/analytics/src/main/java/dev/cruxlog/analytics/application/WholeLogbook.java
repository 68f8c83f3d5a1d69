package dev.cruxlog.analytics.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.cruxlog.logbook.LogbookStatistics;

/**
 * Every figure of a climber's whole logbook under one way of counting sends, as the logbook's
 * API answers it: what the read model keeps, and what the rebuild computes from the ticks.
 *
 * @param firstSends one list per discipline a pyramid can be drawn for
 */
public record WholeLogbook(Map<String, List<LogbookStatistics.RouteSend>> firstSends, LogbookStatistics.Overview overview,
                           List<LogbookStatistics.MonthSend> hardestSendsByMonth,
                           List<LogbookStatistics.MonthVolume> volumeByMonth, List<LogbookStatistics.Day> days,
                           List<LogbookStatistics.Place> places, List<LogbookStatistics.StyleCount> styles,
                           List<LogbookStatistics.LevelRate> sendRates, List<LogbookStatistics.YearLevel> gradeDistribution) {

    public WholeLogbook {
        firstSends = Map.copyOf(firstSends);
    }

    /** The logbook's one-pass figures, with a list (empty where nothing was sent) per pyramid discipline. */
    public static WholeLogbook of(LogbookStatistics.WholeLogbookFigures figures) {
        Map<String, List<LogbookStatistics.RouteSend>> firstSends = new java.util.HashMap<>();
        for (String discipline : dev.cruxlog.analytics.Pyramids.DISCIPLINES) {
            firstSends.put(discipline, figures.firstSends().getOrDefault(discipline, List.of()));
        }
        return new WholeLogbook(firstSends, figures.overview(), figures.hardestSendsByMonth(), figures.volumeByMonth(),
                figures.days(), figures.places(), figures.styles(), figures.sendRates(), figures.gradeDistribution());
    }

    /**
     * The days out from a week before {@code today} on. The overview's recent hard sends leave
     * out ticks dated after tomorrow (by the database's clock), so a logbook with such a tick
     * changes without a write on that tick's eve: the store keeps these figures valid through
     * the day before the first such eve. A week of slack covers any difference between the
     * application's and the database's time zones.
     */
    public List<LocalDate> laterDays(LocalDate today) {
        LocalDate weekBefore = today.minusDays(7);
        return days.stream().map(LogbookStatistics.Day::date).filter(date -> date.isAfter(weekBefore)).toList();
    }
}
