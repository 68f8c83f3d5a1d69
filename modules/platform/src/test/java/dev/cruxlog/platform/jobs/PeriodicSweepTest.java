package dev.cruxlog.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class PeriodicSweepTest {

    /** Sweeps every 20 ms; the first takes 300 ms, as a cold start's first sweep can. */
    private static final class SlowFirstSweep extends PeriodicSweep {

        final AtomicInteger sweeps = new AtomicInteger();
        final CountDownLatch fiveSweeps = new CountDownLatch(5);

        SlowFirstSweep() {
            super("test rows", Duration.ofMillis(20));
        }

        @Override
        public Mono<Long> sweep() {
            int number = sweeps.incrementAndGet();
            fiveSweeps.countDown();
            return number == 1 ? Mono.delay(Duration.ofMillis(300)).thenReturn(1L) : Mono.just(0L);
        }
    }

    @Test
    void aSweepLongerThanTheIntervalSkipsTheTicksItOverlapsAndSweepingGoesOn() throws InterruptedException {
        SlowFirstSweep sweep = new SlowFirstSweep();
        sweep.startSweeping();
        try {
            assertThat(sweep.fiveSweeps.await(5, TimeUnit.SECONDS)).as("sweeps after the slow one").isTrue();
            assertThat(sweep.isRunning()).isTrue();
        } finally {
            sweep.stop();
        }
        assertThat(sweep.isRunning()).isFalse();
    }

    @Test
    void aSweepThatThrowsInsteadOfFailingItsMonoIsRetriedToo() throws InterruptedException {
        assertTriedThreeTimes(() -> {
            throw new IllegalStateException("no connection");
        });
    }

    @Test
    void aFailedSweepIsRetriedAtTheNextTick() throws InterruptedException {
        assertTriedThreeTimes(() -> Mono.error(new IllegalStateException("database unavailable")));
    }

    private static void assertTriedThreeTimes(java.util.function.Supplier<Mono<Long>> failingSweep)
            throws InterruptedException {
        CountDownLatch threeTries = new CountDownLatch(3);
        PeriodicSweep failing = new PeriodicSweep("failing rows", Duration.ofMillis(20)) {
            @Override
            public Mono<Long> sweep() {
                threeTries.countDown();
                return failingSweep.get();
            }
        };
        failing.startSweeping();
        try {
            assertThat(threeTries.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            failing.stop();
        }
    }
}
