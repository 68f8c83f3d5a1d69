package dev.cruxlog.analytics.application;

import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;

import dev.cruxlog.logbook.LogbookStatistics;
import dev.cruxlog.logbook.SendCounting;
import reactor.core.publisher.Mono;

/**
 * Overviews of a window of dates this instance computed lately from the ticks, one per climber,
 * counting and window, each with the revision the climber's stored figures had when it was asked
 * for; the least recently asked for go first past the bound.
 * <p>
 * Every write of a climber's logbook replaces their stored figures in the writing transaction,
 * under a new revision from one sequence (ADR 0015, 0017); a rebuild's claim deletes them all, and
 * until they are stored again nothing is held for the climber. So an overview held under the
 * revision read now was computed from ticks at least as new as that revision's: a reuse never
 * shows an older logbook, on this instance or after another one's write. An overview of another
 * revision is computed again and takes the held one's place, unless the held one's is newer. The
 * coach asks for the last twelve months with every question; computing them was a statement over
 * the climber's whole logbook each time (3.7 ms of PostgreSQL's time per question,
 * docs/benchmarks.md).
 */
public final class WindowedOverviews {

    /** Which overview: the climber's, sends counted so, over these dates. */
    public record Window(UUID owner, SendCounting counting, LocalDate from, LocalDate to) {
    }

    private final ClimbersLru<Window, Revised<LogbookStatistics.Overview>> held;

    /** @param maxEntries how many overviews to hold at most (0: hold none) */
    public WindowedOverviews(int maxEntries) {
        this.held = new ClimbersLru<>(maxEntries, Window::owner);
    }

    /**
     * The window's overview held under {@code revision} (the climber's stored figures' now,
     * {@link LogbookFigures#revision}), or the one {@code compute} gives, held from then on.
     */
    public Mono<LogbookStatistics.Overview> get(Window window, long revision, Supplier<Mono<LogbookStatistics.Overview>> compute) {
        Revised<LogbookStatistics.Overview> found = held.get(window);
        if (found != null && found.revision() == revision) {
            return Mono.just(found.value());
        }
        // Computed outside the lock: two requests may compute the same window at once; both are right.
        // One that read an older revision and finishes after a newer one was held does not take its
        // place (revisions come from one sequence): the next request would only compute it again.
        return compute.get().doOnNext(overview -> held.putUnlessKept(window, new Revised<>(revision, overview), 1,
                current -> current.revision() > revision));
    }

    /**
     * Drops the climber's overviews (account erasure), and any that a request which read their
     * revision before the erasure computes after it ({@link ClimbersLru}).
     */
    public void forget(UUID owner) {
        held.forget(owner);
    }

    int size() {
        return held.size();
    }
}
