package dev.cruxlog.platform.jobs.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with full jitter, so retries of a burst of failures spread out. */
record RetryBackoff(Duration base, Duration max) {

    Duration delayAfter(int failedAttempt) {
        long baseMillis = Math.max(1, base.toMillis());
        int exponent = Math.min(Math.max(failedAttempt - 1, 0), 30);
        long ceiling = Math.min(max.toMillis(), baseMillis << exponent);
        long jittered = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        return Duration.ofMillis(jittered);
    }
}
