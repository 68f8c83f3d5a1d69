package dev.cruxlog.analytics.application;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What an instance keeps of the read model in memory (decoded figures, built pyramids, windows'
 * overviews): values by key, each with a weight, the least recently read going first once the
 * weights held add up to more than the bound. A value heavier than the bound is not held at all.
 * Thread-safe; values are shared between requests and must not be changed by their readers.
 */
public final class WeightedLru<K, V> {

    private record Weighted<V>(V value, long weight) {
    }

    private final long maxWeight;
    private final LinkedHashMap<K, Weighted<V>> held = new LinkedHashMap<>(64, 0.75f, true);
    private long weight;

    /** @param maxWeight the bound on the weights held (0: hold nothing) */
    public WeightedLru(long maxWeight) {
        if (maxWeight < 0) {
            throw new IllegalArgumentException("the bound must not be negative, was " + maxWeight);
        }
        this.maxWeight = maxWeight;
    }

    /** The value held under the key (now the most recently read), or null. */
    public synchronized V get(K key) {
        Weighted<V> found = held.get(key);
        return found == null ? null : found.value();
    }

    /** Holds the value in place of any under the key, then lets the least recently read go past the bound. */
    public synchronized void put(K key, V value, long valueWeight) {
        putUnlessKept(key, value, valueWeight, held -> false);
    }

    /**
     * As {@link #put}, unless the value already held under the key is to be kept: checked under
     * the same lock as the replacement, so a value computed from older data and finishing later
     * cannot displace a newer one between the check and the put.
     */
    public synchronized void putUnlessKept(K key, V value, long valueWeight, Predicate<? super V> keepHeld) {
        if (valueWeight > maxWeight) {
            return;
        }
        Weighted<V> current = held.get(key);
        if (current != null && keepHeld.test(current.value())) {
            return;
        }
        Weighted<V> previous = held.put(key, new Weighted<>(value, valueWeight));
        weight += valueWeight - (previous == null ? 0 : previous.weight());
        Iterator<Map.Entry<K, Weighted<V>>> eldest = held.entrySet().iterator();
        while (weight > maxWeight && eldest.hasNext()) {
            weight -= eldest.next().getValue().weight();
            eldest.remove();
        }
    }

    /** Drops the value held under the key, if any. */
    public synchronized void remove(K key) {
        Weighted<V> gone = held.remove(key);
        if (gone != null) {
            weight -= gone.weight();
        }
    }

    /** Drops every value whose key matches (a climber's, on account erasure). */
    public synchronized void removeIf(Predicate<K> matches) {
        held.entrySet().removeIf(entry -> {
            boolean gone = matches.test(entry.getKey());
            if (gone) {
                weight -= entry.getValue().weight();
            }
            return gone;
        });
    }

    public synchronized long weight() {
        return weight;
    }

    public synchronized int size() {
        return held.size();
    }
}
