package dev.cruxlog.identity.application;

import java.time.Clock;
import java.time.Duration;

import dev.cruxlog.identity.application.IdentityErrors.TooManyAttempts;
import dev.cruxlog.identity.domain.LoginThrottle;
import dev.cruxlog.identity.domain.LoginThrottle.Limit;
import dev.cruxlog.identity.domain.SendingLimits;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** {@link SendingLimits}, counted in {@link Throttles}: one atomic count per action, before the action. */
@Service
public class SendingThrottle {

    private final Throttles throttles;
    private final Clock clock;

    public SendingThrottle(Throttles throttles, Clock clock) {
        this.throttles = throttles;
        this.clock = clock;
    }

    /** Counts one more under the limit; fails with {@link TooManyAttempts} once it is over. */
    public Mono<Void> check(Limit limit, String counted) {
        return waitFor(limit, counted).flatMap(wait -> wait.isZero() ? Mono.empty() : Mono.error(new TooManyAttempts(wait)));
    }

    /** Counts one more under the limit and tells whether it was still within it. */
    public Mono<Boolean> allows(Limit limit, String counted) {
        return waitFor(limit, counted).map(Duration::isZero);
    }

    private Mono<Duration> waitFor(Limit limit, String counted) {
        return throttles.count(SendingLimits.key(limit, counted), limit.window())
                .map(window -> LoginThrottle.waitFor(limit, window.attempts() - 1, window.startedAt(), clock.instant()));
    }
}
