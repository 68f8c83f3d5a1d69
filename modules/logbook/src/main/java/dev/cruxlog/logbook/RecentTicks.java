package dev.cruxlog.logbook;

import java.time.LocalDate;
import java.util.UUID;

import reactor.core.publisher.Flux;

/** The logbook's API for other modules (the coach): one climber's ticks in a period, newest first. */
public interface RecentTicks {

    /**
     * At most {@code limit} ticks climbed on or after {@code since}, newest first; each climb once.
     * Ticks dated after tomorrow are left out: they have not happened (or their date is wrong).
     */
    Flux<TickView> since(UUID owner, LocalDate since, int limit);
}
