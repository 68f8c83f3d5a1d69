package dev.cruxlog.platform.jobs;

import java.time.Duration;

import dev.cruxlog.platform.Periodic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Maintenance every instance runs on a timer once the application is ready: one
 * {@link #sweep()} at start, then one every interval, each after the last has finished (ticks
 * a long sweep overlaps are skipped), a failed one logged and retried at the next tick. Sweeps must be safe to run on several
 * instances at once (they work on rows, not on memory). Stopped with the application.
 */
public abstract class PeriodicSweep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicSweep.class);

    private final String what;
    private final Duration every;
    private volatile Disposable sweeping;

    protected PeriodicSweep(String what, Duration every) {
        this.what = what;
        this.every = every;
    }

    /** One sweep; emits how many things it changed. */
    public abstract Mono<Long> sweep();

    @EventListener(ApplicationReadyEvent.class)
    public void startSweeping() {
        // A sweep longer than the interval (a cold start, a slow database) skips the ticks it
        // overlaps (Periodic): a bare interval overflowed and ended every later sweep.
        sweeping = Periodic.every(Duration.ZERO, every)
                // Deferred: a sweep that throws instead of failing its Mono is retried too.
                .concatMap(tick -> Mono.defer(this::sweep).onErrorResume(error -> {
                    log.warn("Sweeping {} failed; next try in {}", what, every, error);
                    return Mono.empty();
                }), 0)
                .subscribe(changed -> { }, error -> log.error("Sweeping {} stopped", what, error));
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() {
        Disposable current = sweeping;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return sweeping != null && !sweeping.isDisposed();
    }
}
