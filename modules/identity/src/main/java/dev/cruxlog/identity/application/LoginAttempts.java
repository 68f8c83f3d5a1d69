package dev.cruxlog.identity.application;

import java.time.Duration;
import java.time.Instant;

import reactor.core.publisher.Mono;

/** Out-port: failed sign-in counters per throttling key, in fixed windows. */
public interface LoginAttempts {

    Mono<Window> current(String key);

    /** Counts a failure, starting a new window when the current one is over. */
    Mono<Void> recordFailure(String key, Duration window);

    Mono<Void> clear(String key);

    record Window(int failures, Instant startedAt) {
    }
}
