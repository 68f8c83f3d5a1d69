package dev.cruxlog.analytics;

import java.time.LocalDate;
import java.util.UUID;

import dev.cruxlog.logbook.LogbookStatistics;
import dev.cruxlog.logbook.SendCounting;
import reactor.core.publisher.Mono;

/** Analytics' API for other modules (the coach): a climber's overview, as the overview endpoint shows it. */
public interface Overviews {

    /**
     * The overview of a window of dates (null for no bound), sends counted as given. While the
     * climber's stored figures are current, computed from the ticks once per instance, window,
     * counting and write of their logbook, then held until the next write.
     */
    Mono<LogbookStatistics.Overview> overview(UUID owner, SendCounting counting, LocalDate from, LocalDate to);
}
