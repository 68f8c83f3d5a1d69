package dev.cruxlog.platform.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.RepeatedTest;

class RetryBackoffTest {

    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(2), Duration.ofMinutes(10));

    @RepeatedTest(20)
    void delaysDoubleWithJitterAndStopAtTheCap() {
        assertThat(backoff.delayAfter(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(backoff.delayAfter(3)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(backoff.delayAfter(40)).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(10));
    }
}
