package dev.cruxlog.identity.application;

import java.time.Duration;
import java.time.Instant;

import reactor.core.publisher.Mono;

/**
 * Out-port: counters per throttling key, in fixed windows: sign-in attempts (counted before
 * the password is checked, atomically, so concurrent guesses cannot all pass a check made
 * before any of them was counted; a success takes its attempt back), sign-ups and guest
 * accounts per client address, and emails per recipient ({@code LoginThrottle} and
 * {@code SendingLimits} hold the limits). Issue #15.
 */
public interface Throttles {

    /**
     * Counts one attempt in a single atomic statement, starting a new window when the current
     * one is over, and returns the window with this attempt counted: concurrent attempts each
     * see a different count.
     */
    Mono<Window> count(String key, Duration window);

    /** Takes back one counted attempt: it succeeded, and only failures count. */
    Mono<Void> uncount(String key);

    Mono<Void> clear(String key);

    /** @param attempts counted in this window, the caller's own included */
    record Window(int attempts, Instant startedAt) {
    }
}
