package dev.cruxlog.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * A consumer held up for far more than 32 periods carries on afterwards: the ticks that fell due
 * meanwhile are dropped, where a bare Flux.interval fails with an OverflowException and stops.
 */
class PeriodicTest {

    @Test
    void aConsumerHeldUpForManyPeriodsCarriesOn() {
        StepVerifier.withVirtualTime(() -> Periodic.every(Duration.ZERO, Duration.ofMillis(10))
                        // The first tick's work takes as long as 100 periods; the rest are quick.
                        .concatMap(tick -> tick == 0 ? Mono.delay(Duration.ofSeconds(1)).thenReturn(tick) : Mono.just(tick), 1)
                        .take(3))
                .thenAwait(Duration.ofSeconds(2))
                .recordWith(java.util.ArrayList::new)
                .expectNextCount(3)
                .consumeRecordedWith(ticks -> assertThat(ticks).first().isEqualTo(0L))
                .verifyComplete();
    }
}
