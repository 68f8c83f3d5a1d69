package dev.cruxlog.platform;

import java.time.Duration;

import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The one way Cruxlog ticks on a schedule: {@code Flux.interval} whose ticks a slow consumer has
 * not asked for are dropped. A bare interval keeps ticking regardless and, once its consumer falls
 * 32 ticks behind (a slow or locked database), fails with an {@code OverflowException} that ends
 * the schedule for good. That happened four times, each fixed where it struck: the import
 * progress stream, the read-model sweeps, the token cut-off rereads and the job heartbeat (whose
 * leases then lapsed and a second attempt of a running import started). An ArchUnit rule
 * (NO_BARE_INTERVALS) keeps {@code Flux.interval} here.
 */
public final class Periodic {

    private Periodic() {
    }

    /** Ticks after {@code first}, then every {@code period}, skipping those nobody was ready for. */
    public static Flux<Long> every(Duration first, Duration period) {
        return every(first, period, Schedulers.parallel());
    }

    /** As {@link #every(Duration, Duration)}, on the given scheduler. */
    public static Flux<Long> every(Duration first, Duration period, Scheduler scheduler) {
        return Flux.interval(first, period, scheduler).onBackpressureDrop();
    }
}
