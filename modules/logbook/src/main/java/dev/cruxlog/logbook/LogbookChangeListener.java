package dev.cruxlog.logbook;

import java.util.Map;
import java.util.UUID;

import dev.cruxlog.logbook.LogbookStatistics.WholeLogbookFigures;
import reactor.core.publisher.Mono;

/**
 * Told of every write that changes what a climber's logbook says: a tick created, edited,
 * deleted or brought back, an import applied (with its cross-source duplicate links). Called
 * inside the writing transaction, after the write and before the commit, so a listener that
 * keeps a read model current commits with the ticks or not at all: no moment in which a page
 * shows figures that disagree with the logbook. A failed {@code Mono} rolls the write back.
 *
 * <p>Every such write first announces itself ({@link #logbookChanging}), before it reads or
 * writes the ticks: a listener takes the lock that orders one climber's writes there, so a
 * write that reads the logbook before changing it (an import folding its new ticks while they
 * are copied) reads what will still be true at its commit, and every write takes that lock and
 * its row locks in the same order.
 *
 * <p>Erasing an account is not a change: every module erases its own rows
 * ({@code ErasesAccountData}).
 */
public interface LogbookChangeListener {

    /** Inside the writing transaction, before anything of the climber's logbook is read or written. */
    default Mono<Void> logbookChanging(UUID owner) {
        return Mono.empty();
    }

    /** After the write: the listener reads what it needs through the logbook's API. */
    Mono<Void> logbookChanged(UUID owner);

    /**
     * After a write that has already folded the whole logbook's figures as they now stand, under
     * every way of counting ({@link LogbookStatistics#wholeLogbook} would answer the same): a
     * listener that keeps those figures stores them without reading the ticks again.
     */
    default Mono<Void> logbookChanged(UUID owner, Map<SendCounting, WholeLogbookFigures> wholeLogbook) {
        return logbookChanged(owner);
    }
}
