package dev.cruxlog.logbook;

import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * Told of every write that changes what a climber's logbook says: a tick created, edited,
 * deleted or brought back, an import applied (with its cross-source duplicate links). Called
 * inside the writing transaction, after the write and before the commit, so a listener that
 * keeps a read model current commits with the ticks or not at all: no moment in which a page
 * shows figures that disagree with the logbook. A failed {@code Mono} rolls the write back.
 *
 * <p>Erasing an account is not a change: every module erases its own rows
 * ({@code ErasesAccountData}).
 */
public interface LogbookChangeListener {

    Mono<Void> logbookChanged(UUID owner);
}
