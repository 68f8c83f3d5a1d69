package dev.cruxlog.logbook.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Issue #15, point 10: import progress reaches its watcher however slow each status lookup
 * is. Virtual time: a lookup that takes 700 ms against a 500 ms period, for two minutes.
 */
class ImportProgressPollingTest {

    @Test
    void slowLookupsNeverPileUpAndTheWatcherSeesTheEnd() {
        AtomicInteger lookups = new AtomicInteger();
        StepVerifier.withVirtualTime(() -> ImportsApiController.pollEvery(Duration.ofMillis(500),
                                () -> Mono.delay(Duration.ofMillis(700)).map(tick -> lookups.incrementAndGet()))
                        .takeUntil(n -> n == 100))
                .thenAwait(Duration.ofMinutes(3))
                .expectNextCount(100)
                .verifyComplete();
        assertThat(lookups.get()).isEqualTo(100);
    }
}
