package dev.cruxlog.analytics.adapter.out.persistence;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

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

    private final long maxBodyBytes;
    private final LinkedHashMap<String, Held> held = new LinkedHashMap<>(64, 0.75f, true);
    private long bodyBytes;

    /** @param maxBodyBytes the bound on the bodies held, in bytes of their JSON (0: hold nothing) */
    DecodedFigures(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    synchronized Held get(String key) {
        return held.get(key);
    }

    synchronized void put(String key, long revision, Object value, int size) {
        if (size > maxBodyBytes) {
            return;
        }
        Held previous = held.put(key, new Held(revision, value, size));
        bodyBytes += size - (previous == null ? 0 : previous.bodyBytes());
        Iterator<Map.Entry<String, Held>> eldest = held.entrySet().iterator();
        while (bodyBytes > maxBodyBytes && eldest.hasNext()) {
            bodyBytes -= eldest.next().getValue().bodyBytes();
            eldest.remove();
        }
    }

    synchronized void forget(String keyPrefix) {
        held.entrySet().removeIf(entry -> {
            boolean gone = entry.getKey().startsWith(keyPrefix);
            if (gone) {
                bodyBytes -= entry.getValue().bodyBytes();
            }
            return gone;
        });
    }

    synchronized long bodyBytes() {
        return bodyBytes;
    }
}
