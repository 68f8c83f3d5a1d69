package dev.cruxlog.coach.domain;

import java.time.LocalDate;
import java.util.List;

import dev.cruxlog.analytics.PyramidView;
import dev.cruxlog.logbook.LogbookStatistics;
import dev.cruxlog.logbook.SendCounting;
import dev.cruxlog.logbook.TickView;

/**
 * Everything the coach knows when it answers one question: the climber's profile, ticks of
 * the last 30 days (newest first), the current pyramids, the overview of the last year, and
 * the conversation so far (oldest first, at most the last 10 messages).
 */
public record CoachContext(LocalDate today, ClimberProfile profile, List<TickView> recentTicks, List<PyramidView> pyramids,
                           LogbookStatistics.Overview overview, List<ChatTurn> history, String question,
                           SendCounting counting, NamedGrade namedGrade) {

    public static final int RECENT_DAYS = 30;
    public static final int HISTORY_MESSAGES = 10;

    public CoachContext {
        recentTicks = List.copyOf(recentTicks);
        pyramids = List.copyOf(pyramids);
        history = List.copyOf(history);
    }
}
