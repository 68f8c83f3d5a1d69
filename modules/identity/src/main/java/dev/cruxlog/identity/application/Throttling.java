package dev.cruxlog.identity.application;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import dev.cruxlog.identity.application.IdentityErrors.TooManyAttempts;
import dev.cruxlog.identity.domain.LoginThrottle;
import dev.cruxlog.identity.domain.LoginThrottle.Limit;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Every limit of {@link LoginThrottle} and {@link dev.cruxlog.identity.domain.SendingLimits}, counted in {@link Throttles}:
 * one atomic count per action, before the action, so concurrent requests cannot all pass a
 * check made before any of them was counted (issue #15).
 */
@Service
public class Throttling {

    private final Throttles throttles;
    private final Clock clock;

    public Throttling(Throttles throttles, Clock clock) {
        this.throttles = throttles;
        this.clock = clock;
    }

    /** Counts one more under the limit; emits how long the caller must wait, zero when it was within it. */
    public Mono<Duration> count(Limit limit, String counted) {
        return throttles.count(limit.key(counted), limit.window())
                .map(window -> LoginThrottle.waitFor(limit, window.attempts() - 1, window.startedAt(), clock.instant()));
    }

    /** Counts one more under the limit; fails with {@link TooManyAttempts} once it is over. */
    public Mono<Void> check(Limit limit, String counted) {
        return count(limit, counted).flatMap(Throttling::refuseWhenWaiting);
    }

    /**
     * One guess at a secret under a limit of failures: counted before it is checked (so
     * concurrent guesses cannot all pass), refused with {@link TooManyAttempts} once the limit
     * is reached, and taken back when right, so only failures stay counted. {@code check}
     * emits what the right guess gives, or completes empty when the guess is wrong, which
     * becomes {@code wrong}.
     */
    public <T> Mono<T> guess(Limit limit, String counted, Mono<T> check, Supplier<? extends RuntimeException> wrong) {
        return check(limit, counted)
                .then(check)
                .switchIfEmpty(Mono.error(wrong))
                .flatMap(right -> uncount(limit, counted).thenReturn(right));
    }

    /** Counts one more under the limit and tells whether it was still within it. */
    public Mono<Boolean> allows(Limit limit, String counted) {
        return count(limit, counted).map(Duration::isZero);
    }

    /** Takes one count back (the attempt succeeded, and only failures count). */
    public Mono<Void> uncount(Limit limit, String counted) {
        return throttles.uncount(limit.key(counted));
    }

    public Mono<Void> clear(Limit limit, String counted) {
        return throttles.clear(limit.key(counted));
    }

    static Mono<Void> refuseWhenWaiting(Duration wait) {
        return wait.isZero() ? Mono.empty() : Mono.error(new TooManyAttempts(wait));
    }
}
