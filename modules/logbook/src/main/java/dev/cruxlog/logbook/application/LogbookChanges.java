package dev.cruxlog.logbook.application;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import dev.cruxlog.logbook.LogbookChangeListener;
import dev.cruxlog.logbook.LogbookStatistics.WholeLogbookFigures;
import dev.cruxlog.logbook.SendCounting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tells every {@link LogbookChangeListener} of a changing and then changed logbook, one after
 * another, inside the caller's transaction. Listeners are looked up on first use: they live in
 * modules built on the logbook (analytics), whose beans need the logbook's own beans first.
 */
@Component
public class LogbookChanges {

    private static final Logger log = LoggerFactory.getLogger(LogbookChanges.class);

    private final ObjectProvider<LogbookChangeListener> provider;
    private volatile List<LogbookChangeListener> listeners;

    public LogbookChanges(ObjectProvider<LogbookChangeListener> provider) {
        this.provider = provider;
    }

    /** Call inside the writing transaction, before reading or writing the climber's ticks. */
    public Mono<Void> changing(UUID owner) {
        return tell(listener -> listener.logbookChanging(owner));
    }

    /** Call inside the writing transaction, after the write. */
    public Mono<Void> changed(UUID owner) {
        return timed(tell(listener -> listener.logbookChanged(owner)));
    }

    /** {@link #changed(UUID)}, handing over the whole logbook's figures the write has folded. */
    public Mono<Void> changed(UUID owner, Map<SendCounting, WholeLogbookFigures> wholeLogbook) {
        return timed(tell(listener -> listener.logbookChanged(owner, wholeLogbook)));
    }

    private Mono<Void> tell(Function<LogbookChangeListener, Mono<Void>> call) {
        return Flux.fromIterable(listeners()).concatMap(call).then();
    }

    private static Mono<Void> timed(Mono<Void> told) {
        if (!log.isDebugEnabled()) {
            return told;
        }
        // What keeping the read models current adds to a write (an import's benchmark reads it).
        return Mono.defer(() -> {
            long started = System.nanoTime();
            return told.doOnSuccess(done -> log.debug("Listeners of a changed logbook took {} ms",
                    (System.nanoTime() - started) / 1_000_000));
        });
    }

    private List<LogbookChangeListener> listeners() {
        List<LogbookChangeListener> found = listeners;
        if (found == null) {
            found = provider.orderedStream().toList();
            listeners = found;
        }
        return found;
    }
}
