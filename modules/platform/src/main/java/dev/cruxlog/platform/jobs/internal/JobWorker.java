package dev.cruxlog.platform.jobs.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cruxlog.platform.Periodic;
import dev.cruxlog.platform.jobs.Job;
import dev.cruxlog.platform.jobs.JobHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Claims and runs jobs, never more than {@code concurrency} at once, without a thread of
 * its own: it is a reactive loop woken by NOTIFY, by a poll tick, or by one of its own
 * jobs finishing. Claims are sequential (one query at a time), runs are concurrent.
 *
 * <p>A kind with a limit of its own ({@link JobHandler#maxConcurrent()}, at most one less than
 * {@code concurrency}, or an operator's {@code cruxlog.jobs.max-concurrent[kind]}) is claimed by
 * itself, up to what it has left, before the unlimited kinds share the remaining slots: four
 * queued imports take one slot (on two cores), and a sign-up's mail still goes out beside them.
 *
 * <p>While jobs run, one heartbeat per worker extends all their locks in a single
 * statement. If this instance dies, the locks expire after the visibility timeout and
 * another worker takes the jobs again.
 */
public class JobWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobWorker.class);
    private static final int MAX_ERROR_LENGTH = 4000;

    private final R2dbcJobStore store;
    private final Map<String, JobHandler> handlers;
    private final Flux<String> notifications;
    private final JobsProperties properties;
    private final String workerId;
    private final RetryBackoff backoff;

    private final AtomicInteger inFlight = new AtomicInteger();
    /** Kinds with a limit, and their limit. */
    private final Map<String, Integer> limits;
    /** Kinds without one, claimed together. */
    private final List<String> unlimitedKinds;
    private final Map<String, AtomicInteger> inFlightByKind = new ConcurrentHashMap<>();
    private final Set<Long> runningIds = ConcurrentHashMap.newKeySet();
    private final Sinks.Many<Object> finished = Sinks.many().multicast().directBestEffort();
    /** Renewed at every start: a disposed composite would cancel every job added to it. */
    private volatile Disposable.Composite running = Disposables.composite();
    private volatile Disposable loop;
    private volatile Disposable heartbeat;

    JobWorker(R2dbcJobStore store, Map<String, JobHandler> handlers, Flux<String> notifications,
              JobsProperties properties, String workerId) {
        this.store = store;
        this.handlers = Map.copyOf(handlers);
        this.notifications = notifications;
        this.properties = properties;
        this.workerId = workerId;
        this.backoff = new RetryBackoff(properties.backoffBase(), properties.backoffMax());
        Set<String> unknown = new TreeSet<>(properties.maxConcurrent().keySet());
        unknown.removeAll(this.handlers.keySet());
        if (!unknown.isEmpty()) {
            // A typo, or an environment variable whose kind lost its hyphen on the way in, would
            // otherwise leave the kind unlimited without a word.
            throw new IllegalArgumentException("cruxlog.jobs.max-concurrent names kinds no handler runs: " + unknown
                    + "; the kinds are " + new TreeSet<>(this.handlers.keySet()));
        }
        Map<String, Integer> limited = new TreeMap<>();
        List<String> unlimited = new ArrayList<>();
        this.handlers.forEach((kind, handler) -> {
            Integer configured = properties.maxConcurrent().get(kind);
            // An operator's figure is taken as given.
            int limit = configured != null ? configured : declaredLimit(handler, properties.concurrency());
            if (limit < 1) {
                throw new IllegalArgumentException("Job kind " + kind + " must allow at least one job at once, not " + limit);
            }
            if (limit < properties.concurrency()) {
                limited.put(kind, limit);
            } else {
                unlimited.add(kind);
            }
            inFlightByKind.put(kind, new AtomicInteger());
        });
        // In kind order, every start the same; limited kinds are claimed before the unlimited ones,
        // which gives them the first pick of free slots (each within its limit).
        this.limits = Collections.unmodifiableMap(limited);
        this.unlimitedKinds = List.copyOf(unlimited);
    }

    /**
     * A kind's own limit, held below the worker's concurrency so it never takes every slot (on
     * eight cores an import's one per two cores would be the whole default of four).
     */
    private static int declaredLimit(JobHandler handler, int concurrency) {
        int declared = handler.maxConcurrent();
        return declared == Integer.MAX_VALUE ? declared : Math.min(declared, Math.max(1, concurrency - 1));
    }

    public String workerId() {
        return workerId;
    }

    @Override
    public synchronized void start() {
        if (loop != null || handlers.isEmpty()) {
            return;
        }
        Set<String> kinds = handlers.keySet();
        running = Disposables.composite();
        Flux<Object> wakeups = Flux.merge(
                notifications.filter(kind -> kind.isEmpty() || kinds.contains(kind)).cast(Object.class),
                Periodic.every(Duration.ZERO, properties.pollInterval()).cast(Object.class),
                finished.asFlux());
        loop = wakeups
                .onBackpressureLatest()
                .concatMap(wakeup -> claimFreeSlots(), 1)
                .subscribe(this::run, e -> log.error("Job worker {} stopped", workerId, e));
        // A heartbeat held up past many intervals (a slow or locked database) skips the ticks it
        // overlaps (Periodic); a bare interval ended every later heartbeat, the leases lapsed and
        // another attempt of each running job started beside it (PackagedJarIT).
        heartbeat = Periodic.every(properties.heartbeatInterval(), properties.heartbeatInterval())
                .concatMap(tick -> runningIds.isEmpty() ? Mono.empty()
                        : store.heartbeat(runningIds, workerId, properties.visibilityTimeout())
                                .onErrorResume(e -> {
                                    log.warn("Job worker {} could not extend its locks: {}", workerId, e.toString());
                                    return Mono.empty();
                                }), 1)
                .subscribe(extended -> { }, e -> log.error("Job worker {} stopped extending its locks", workerId, e));
        log.info("Job worker {} started for {}, at most {} at once{}", workerId, kinds, properties.concurrency(),
                limits.isEmpty() ? "" : "; of these kinds at most " + limits);
    }

    /** Each limited kind up to what it has left, then the unlimited kinds with the slots that remain. */
    private Flux<Job> claimFreeSlots() {
        Flux<Job> limited = Flux.fromIterable(limits.entrySet())
                .concatMap(limit -> Flux.defer(() -> claim(List.of(limit.getKey()),
                        Math.min(freeSlots(), limit.getValue() - inFlightByKind.get(limit.getKey()).get()))));
        return limited.concatWith(Flux.defer(() -> claim(unlimitedKinds, freeSlots())));
    }

    private int freeSlots() {
        return properties.concurrency() - inFlight.get();
    }

    private Flux<Job> claim(List<String> kinds, int slots) {
        if (slots <= 0 || kinds.isEmpty()) {
            return Flux.empty();
        }
        return store.claim(workerId, kinds, slots, properties.visibilityTimeout())
                .doOnNext(job -> {
                    inFlight.incrementAndGet();
                    inFlightByKind.get(job.kind()).incrementAndGet();
                })
                .onErrorResume(e -> {
                    log.warn("Job worker {} could not claim jobs: {}", workerId, e.toString());
                    return Flux.empty();
                });
    }

    private void run(Job job) {
        runningIds.add(job.id());
        Mono<Boolean> outcome = job.attempt() > job.maxAttempts()
                ? store.bury(job.id(), workerId, "Abandoned by workers " + (job.attempt() - 1) + " times")
                : Mono.defer(() -> handlers.get(job.kind()).handle(job))
                        .then(Mono.defer(() -> store.succeed(job.id(), workerId)))
                        .onErrorResume(error -> recordFailure(job, error));
        running.add(outcome
                .doFinally(signal -> {
                    runningIds.remove(job.id());
                    inFlightByKind.get(job.kind()).decrementAndGet();
                    inFlight.decrementAndGet();
                    finished.tryEmitNext(job);
                })
                .subscribe(null, e -> log.error("Job {} could not record its outcome", job.id(), e)));
    }

    private Mono<Boolean> recordFailure(Job job, Throwable error) {
        String message = describe(error);
        if (job.attempt() >= job.maxAttempts()) {
            log.error("Job {} ({}) failed on its last attempt {}; parked as dead", job.id(), job.kind(), job.attempt(), error);
            return store.bury(job.id(), workerId, message);
        }
        Duration delay = backoff.delayAfter(job.attempt());
        log.warn("Job {} ({}) failed on attempt {}; retrying in {}", job.id(), job.kind(), job.attempt(), delay, error);
        return store.retryLater(job.id(), workerId, message, delay);
    }

    private static String describe(Throwable error) {
        String text = error.getClass().getName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }

    @Override
    public void stop(Runnable callback) {
        Disposable current;
        synchronized (this) {
            current = loop;
            loop = null;
        }
        if (current == null) {
            callback.run();
            return;
        }
        current.dispose();
        Disposable.Composite stopping = running;
        Disposable stoppingHeartbeat = heartbeat;
        // Let running jobs finish within the grace period; whatever is still running after
        // it is cancelled and, its lock no longer extended, retried by another instance.
        Periodic.every(Duration.ZERO, Duration.ofMillis(50))
                .filter(tick -> inFlight.get() == 0)
                .next()
                .timeout(properties.shutdownGrace(), Mono.just(-1L))
                .subscribe(tick -> {
                    stopping.dispose();
                    stoppingHeartbeat.dispose();
                    log.info("Job worker {} stopped", workerId);
                    callback.run();
                });
    }

    @Override
    public void stop() {
        stop(() -> { });
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }

    /** Stop after the web server stopped taking requests and before the pool closes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }
}
