package dev.cruxlog.analytics.adapter.in.web;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import dev.cruxlog.analytics.application.PyramidMemo;

/**
 * The JSON of pyramids held in the {@link PyramidMemo}, by the same key; the least recently
 * served go first once they add up to more than the bound. Encoding was the largest single
 * cost of {@code GET /api/v1/analytics/pyramid} for the 10,000-tick climber (29 % of the
 * CPU samples of a profile, about 400 KB allocated for a 100 KB body); a key names everything
 * the body is made of, so an equal key serves the same bytes.
 */
final class EncodedPyramids {

    private final long maxBytes;
    private final LinkedHashMap<PyramidMemo.Key, byte[]> held = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    /** @param maxBytes the bound on the bodies held (0: hold none) */
    EncodedPyramids(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    byte[] get(PyramidMemo.Key key, Supplier<byte[]> encode) {
        synchronized (this) {
            byte[] found = held.get(key);
            if (found != null) {
                return found;
            }
        }
        byte[] body = encode.get();
        synchronized (this) {
            if (body.length <= maxBytes) {
                byte[] previous = held.put(key, body);
                bytes += body.length - (previous == null ? 0 : previous.length);
                Iterator<Map.Entry<PyramidMemo.Key, byte[]>> eldest = held.entrySet().iterator();
                while (bytes > maxBytes && eldest.hasNext()) {
                    bytes -= eldest.next().getValue().length;
                    eldest.remove();
                }
            }
        }
        return body;
    }

    synchronized long bytesHeld() {
        return bytes;
    }
}
