package dev.cruxlog.analytics.application;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.cruxlog.analytics.PyramidView;
import dev.cruxlog.logbook.SendCounting;

/**
 * Pyramids this instance built lately from stored first sends, by everything they were built
 * from, and what was derived from them (their JSON, see {@link #encoded}); the least recently
 * asked for go first once their routes add up to more than the bound.
 * A pyramid is a pure function of its {@link Key}: the stored sends' revision changes with
 * every write of the climber's logbook, the rest is the request and the climber's settings
 * and route characters as read for it. So a reuse can never show an older logbook, and the
 * 10,000-tick climber's pyramid (384 routes) is not rebuilt and re-encoded on every view.
 */
public final class PyramidMemo {

    /**
     * @param sendsRevision {@link Revised#revision()} of the stored first sends it was built from
     * @param characters    the climber's route characters as read for this request
     */
    public record Key(UUID owner, SendCounting counting, String discipline, long sendsRevision, String gradeSystem,
                      int levels, LocalDate from, LocalDate to, Map<String, RouteCharacters.Character> characters) {
    }

    private static final class Held {
        final PyramidView view;
        /** Set on the first {@link #encoded} of this pyramid; a race encodes twice, alike. */
        volatile byte[] encoded;

        Held(PyramidView view) {
            this.view = view;
        }
    }

    private final ClimbersLru<Key, Held> held;

    /** @param maxRoutes the bound on the routes of the pyramids held and the route characters of their keys (0: hold none) */
    public PyramidMemo(long maxRoutes) {
        this.held = new ClimbersLru<>(maxRoutes, Key::owner);
    }

    /** The pyramid held under this key, or the one {@code build} makes, held from now on. */
    public PyramidView get(Key key, Supplier<PyramidView> build) {
        Held found = held.get(key);
        if (found != null) {
            return found.view;
        }
        // Built outside the lock: two requests may build the same pyramid at once; both are
        // right, and the later one is held.
        PyramidView view = build.get();
        // The key's route characters count too: they are the climber's to add, as many as they like.
        int size = Math.max(1, view.levels().stream().mapToInt(level -> level.routes().size()).sum()
                + key.characters().size());
        held.put(key, new Held(view), size);
        return view;
    }

    /**
     * The pyramid's encoding (its JSON, by the API's encoder), made once per held pyramid:
     * writing the 10,000-tick climber's 100 KB pyramid was 29 % of the request's CPU and
     * 400 KB of allocation. A pyramid no longer held (evicted, or another built under its key)
     * is encoded on every call and not kept.
     */
    public byte[] encoded(Key key, PyramidView view, Function<PyramidView, byte[]> encode) {
        Held found = held.get(key);
        if (found == null || found.view != view) {
            return encode.apply(view);
        }
        byte[] encoded = found.encoded;
        if (encoded == null) {
            encoded = encode.apply(view);
            found.encoded = encoded;
        }
        return encoded;
    }

    /**
     * Drops the climber's pyramids (account erasure), and any that a request which read their stored
     * sends before the erasure builds after it ({@link ClimbersLru}).
     */
    public void forget(UUID owner) {
        held.forget(owner);
    }

    long routesHeld() {
        return held.weight();
    }
}
