package dev.cruxlog.analytics.application;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A {@link WeightedLru} whose keys each belong to a climber, that forgets a climber whole on
 * account erasure, including what a request computed from their logbook before the erasure and
 * tries to hold after it. Such a request finishes within seconds of the erasure; the last
 * {@link #ERASURES_REMEMBERED} erased climbers are remembered (a UUID each), so the memory stays
 * small however many accounts are erased.
 * <p>
 * No lock is shared between holding and forgetting: {@link #forget} marks the climber erased,
 * then drops what is held; {@link #putUnlessKept} holds, then drops the value again if the
 * climber is marked. Whichever order the two interleave in, nothing of the climber stays held.
 */
final class ClimbersLru<K, V> {

    static final int ERASURES_REMEMBERED = 1_024;

    private final WeightedLru<K, V> held;
    private final Function<K, UUID> climber;
    private final Map<UUID, Boolean> erased = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
            return size() > ERASURES_REMEMBERED;
        }
    };

    /**
     * @param maxWeight the bound on the weights held (0: hold nothing)
     * @param climber   whose a key is
     */
    ClimbersLru(long maxWeight, Function<K, UUID> climber) {
        this.held = new WeightedLru<>(maxWeight);
        this.climber = climber;
    }

    V get(K key) {
        return held.get(key);
    }

    /** {@link WeightedLru#put}, unless the key's climber was erased meanwhile. */
    void put(K key, V value, long weight) {
        putUnlessKept(key, value, weight, current -> false);
    }

    /** {@link WeightedLru#putUnlessKept}, unless the key's climber was erased meanwhile. */
    void putUnlessKept(K key, V value, long weight, Predicate<? super V> keepHeld) {
        held.putUnlessKept(key, value, weight, keepHeld);
        if (erased(climber.apply(key))) {
            held.remove(key);
        }
    }

    /** Drops the climber's values, and any a request computed before this call holds after it. */
    void forget(UUID owner) {
        synchronized (erased) {
            erased.put(owner, Boolean.TRUE);
        }
        held.removeIf(key -> climber.apply(key).equals(owner));
    }

    long weight() {
        return held.weight();
    }

    int size() {
        return held.size();
    }

    private boolean erased(UUID owner) {
        synchronized (erased) {
            return erased.containsKey(owner);
        }
    }
}
