package dev.cruxlog.logbook.application;

import dev.cruxlog.logbook.domain.PlainText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Cleans, with {@link PlainText}, the served note of ticks logged before served notes existed.
 * Migration V4 copies every note without markup characters as it is; the rest (notes with '<',
 * '&' or a carriage return) need jsoup, so they are cleaned here, over R2DBC, in batches, when
 * the application starts. Until then such a tick is served without its note, never with
 * uncleaned markup. Every instance may run it: a second pass finds nothing or writes the same.
 */
@Service
public class ServedNotes {

    static final int BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(ServedNotes.class);

    private final Ticks ticks;

    public ServedNotes(Ticks ticks) {
        this.ticks = ticks;
    }

    @EventListener(ApplicationReadyEvent.class)
    void cleanOnStart() {
        cleanAll().subscribe(cleaned -> {
            if (cleaned > 0) {
                log.info("Cleaned the served note of {} ticks logged before served notes existed", cleaned);
            }
        }, error -> log.warn("Cleaning served notes stopped; the next start goes on: {}", error.toString()));
    }

    /** Every uncleaned note, batch after batch; how many were cleaned. */
    public Mono<Long> cleanAll() {
        return cleanBatch().expand(cleaned -> cleaned == BATCH ? cleanBatch() : Mono.empty()).reduce(0L, Long::sum);
    }

    private Mono<Long> cleanBatch() {
        return ticks.uncleanedNotes(BATCH)
                .map(logged -> new Ticks.LoggedNote(logged.owner(), logged.id(), PlainText.of(logged.note())))
                .collectList()
                .flatMap(served -> served.isEmpty() ? Mono.just(0L) : ticks.storeServedNotes(served).thenReturn((long) served.size()));
    }
}
