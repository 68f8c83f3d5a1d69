package dev.cruxlog.analytics.application;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.UUID;
import java.util.function.Supplier;

import dev.cruxlog.logbook.LogbookStatistics;
import dev.cruxlog.logbook.SendCounting;
import reactor.core.publisher.Mono;

/**
 * Overviews of a window of dates this instance computed lately from the ticks, each under the
 * revision the climber's stored figures had when it was asked for; the least recently asked for
 * go first past the bound.
 * <p>
 * Every write of a climber's logbook replaces their stored figures in the writing transaction,
 * under a new revision from one sequence (ADR 0015, 0017); a rebuild's claim deletes them all, and
 * until they are stored again nothing is held for the climber. So an overview held under the revision read now was
 * computed from ticks at least as new as that revision's: a reuse never shows an older logbook,
 * on this instance or after another one's write. The coach asks for the last twelve months with
 * every question; computing them was a statement over the climber's whole logbook each time
 * (3.7 ms of PostgreSQL's time per question, docs/benchmarks.md).
 */
public final class WindowedOverviews {

    /**
     * @param figuresRevision the revision of the climber's stored figures under this counting
     *                        ({@link LogbookFigures#revision}) when the overview was asked for
     */
    public record Key(UUID owner, SendCounting counting, LocalDate from, LocalDate to, long figuresRevision) {
    }

    private final int maxEntries;
    private final LinkedHashMap<Key, LogbookStatistics.Overview> held = new LinkedHashMap<>(64, 0.75f, true);

    /** @param maxEntries how many overviews to hold at most (0: hold none) */
    public WindowedOverviews(int maxEntries) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("maxEntries must not be negative, was " + maxEntries);
        }
        this.maxEntries = maxEntries;
    }

    /** The overview held under this key, or the one {@code compute} gives, held from then on. */
    public Mono<LogbookStatistics.Overview> get(Key key, Supplier<Mono<LogbookStatistics.Overview>> compute) {
        LogbookStatistics.Overview found;
        synchronized (this) {
            found = held.get(key);
        }
        // Computed outside the lock: two requests may compute the same window at once; both are right.
        return found != null ? Mono.just(found) : compute.get().doOnNext(overview -> hold(key, overview));
    }

    private synchronized void hold(Key key, LogbookStatistics.Overview overview) {
        if (maxEntries == 0) {
            return;
        }
        held.put(key, overview);
        Iterator<Key> eldest = held.keySet().iterator();
        while (held.size() > maxEntries) {
            eldest.next();
            eldest.remove();
        }
    }

    /**
     * Drops the climber's overviews (account erasure). A request that read their revision before the
     * erasure committed may still hold one again; it can never be reached (no stored figures, no
     * revision) and goes with the bound.
     */
    public synchronized void forget(UUID owner) {
        held.keySet().removeIf(key -> key.owner().equals(owner));
    }

    synchronized int size() {
        return held.size();
    }
}
