package dev.cruxlog.analytics.application;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The climbers whose accounts were erased lately, so that what a request computed from their
 * logbook just before the erasure is not held in memory after it. Such a request finishes within
 * seconds of the erasure; the set keeps the last {@link #REMEMBERED} erasures (a UUID each), so it
 * stays small however many accounts are erased.
 * <p>
 * How a holder uses it, with no lock shared between the two: {@code forget} marks the climber
 * erased, then drops what is held; a request holds its value, then drops it again if the climber
 * is marked. Whichever order the two interleave in, nothing of the climber's stays held.
 */
final class RecentlyErased {

    static final int REMEMBERED = 1_024;

    private final Map<UUID, Boolean> erased = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    synchronized void mark(UUID owner) {
        erased.put(owner, Boolean.TRUE);
    }

    synchronized boolean contains(UUID owner) {
        return erased.containsKey(owner);
    }
}
