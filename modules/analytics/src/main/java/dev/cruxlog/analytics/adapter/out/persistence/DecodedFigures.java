package dev.cruxlog.analytics.adapter.out.persistence;

import dev.cruxlog.analytics.application.WeightedLru;

/**
 * Figures this instance decoded lately, by key, with the revision they were decoded from; the
 * least recently read go first once the bodies they came from add up to more than the bound.
 * The database stays the truth: a read asks for the stored revision every time and takes the
 * body only when it is not the one held here, so another instance's write is seen at once.
 * Values must not be changed by their readers (lists are unmodifiable).
 */
final class DecodedFigures {

    record Held(long revision, Object value, int bodyBytes) {
    }

    private final WeightedLru<String, Held> held;

    /** @param maxBodyBytes the bound on the bodies held, in bytes of their JSON (0: hold nothing) */
    DecodedFigures(long maxBodyBytes) {
        this.held = new WeightedLru<>(maxBodyBytes);
    }

    Held get(String key) {
        return held.get(key);
    }

    void put(String key, long revision, Object value, int size) {
        held.put(key, new Held(revision, value, size), size);
    }

    void forget(String keyPrefix) {
        held.removeIf(key -> key.startsWith(keyPrefix));
    }

    long bodyBytes() {
        return held.weight();
    }
}
