package dev.cruxlog.platform.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import dev.cruxlog.platform.database.DatabaseConfiguration;
import dev.cruxlog.platform.database.DatabaseProperties;
import dev.cruxlog.platform.database.ModuleSchema;
import dev.cruxlog.platform.database.PostgresChannel;
import dev.cruxlog.platform.database.SchemaMigrations;
import dev.cruxlog.platform.jobs.Job;
import dev.cruxlog.platform.jobs.JobHandler;
import dev.cruxlog.platform.jobs.JobPayloads;
import dev.cruxlog.platform.jobs.JobQueue;
import dev.cruxlog.platform.testing.Eventually;
import dev.cruxlog.platform.testing.TestDatabase;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The job queue against a real PostgreSQL: transactional enqueue, exactly-once across
 * two worker pools (two app instances), retries, dead jobs, and recovery of a job whose
 * worker died mid-run.
 */
class JobQueueTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static ConnectionFactoryOptions options;
    private static ConnectionPool pool;
    private static DatabaseClient db;
    private static TransactionalOperator transactions;
    private static R2dbcJobStore store;
    private static JobPayloads payloads;
    private static JobQueue queue;

    private final List<JobWorker> workers = new ArrayList<>();

    @BeforeAll
    static void connect() {
        TestDatabase database = TestDatabase.shared();
        new SchemaMigrations(database.url(), List.of(new ModuleSchema("platform", 0))).migrate();
        DatabaseProperties properties = new DatabaseProperties(null, Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(10), true, "cruxlog-test", Duration.ofMillis(500),
                new DatabaseProperties.HealthProbe(Duration.ofMillis(500), Duration.ofSeconds(2)), new DatabaseProperties.Embedded(null, 0));
        options = DatabaseConfiguration.connectionOptions(database.url(), properties);
        pool = new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(options))
                .initialSize(2).maxSize(20).maxAcquireTime(Duration.ofSeconds(10)).build());
        db = DatabaseClient.create(pool);
        transactions = TransactionalOperator.create(new R2dbcTransactionManager(pool));
        store = new R2dbcJobStore(db);
        payloads = new JobPayloads(JsonMapper.builder().build());
        queue = new R2dbcJobQueue(store, payloads, 3);
    }

    @AfterAll
    static void disconnect() {
        pool.disposeLater().block(WAIT);
    }

    @BeforeEach
    void emptyQueue() {
        db.sql("TRUNCATE platform.job").then().block(WAIT);
    }

    @AfterEach
    void stopWorkers() {
        workers.forEach(JobWorker::stop);
    }

    @Test
    void aJobEnqueuedInARolledBackTransactionNeverRuns() {
        Sinks.Many<String> ran = Sinks.many().replay().all();
        startWorker("solo", settings(4, Duration.ofSeconds(60), Duration.ofSeconds(10)),
                handler("test.label", job -> {
                    ran.tryEmitNext(labelOf(job));
                    return Mono.empty();
                }));

        Mono<Long> rolledBack = queue.enqueue("test.label", new Label("rolled-back"))
                .then(Mono.<Long>error(new IllegalStateException("the business change failed")));
        StepVerifier.create(transactions.transactional(rolledBack))
                .expectErrorMessage("the business change failed").verify(WAIT);
        StepVerifier.create(transactions.transactional(queue.enqueue("test.label", new Label("committed"))))
                .expectNextCount(1).verifyComplete();

        // The committed job was enqueued after the rolled-back one: once it has run, the
        // rolled-back one would have too, had it existed.
        StepVerifier.create(ran.asFlux().filter("committed"::equals).next()).expectNext("committed").verifyComplete();
        assertThat(count("SELECT count(*) FROM platform.job")).isEqualTo(1);
        assertThat(ran.asFlux().take(Duration.ofMillis(200)).collectList().block(WAIT)).containsExactly("committed");
    }

    @Test
    void aThousandJobsAcrossTwoWorkerPoolsEachRunExactlyOnce() {
        int jobs = 1000;
        Map<Integer, AtomicInteger> runs = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> perWorker = new ConcurrentHashMap<>();
        Sinks.Many<Integer> done = Sinks.many().multicast().onBackpressureBuffer(jobs * 2);
        Function<String, JobHandler> counting = worker -> handler("test.count", job -> {
            int n = payloads.read(job, Counted.class).n();
            runs.computeIfAbsent(n, k -> new AtomicInteger()).incrementAndGet();
            perWorker.computeIfAbsent(worker, k -> new AtomicInteger()).incrementAndGet();
            synchronized (done) {
                done.tryEmitNext(n);
            }
            return Mono.empty();
        });
        JobsProperties settings = settings(8, Duration.ofSeconds(60), Duration.ofSeconds(10));
        startWorker("instance-a", settings, counting.apply("instance-a"));
        startWorker("instance-b", settings, counting.apply("instance-b"));

        StepVerifier.create(done.asFlux().take(jobs).count())
                .then(() -> Flux.range(0, jobs)
                        .flatMap(n -> queue.enqueue("test.count", new Counted(n)), 16)
                        .then().block(WAIT))
                .expectNext((long) jobs)
                .verifyComplete();

        awaitCount("SELECT count(*) FROM platform.job WHERE status = 'succeeded'", jobs);
        assertThat(runs).hasSize(jobs);
        assertThat(runs.values()).allMatch(count -> count.get() == 1);
        assertThat(count("SELECT sum(attempts) FROM platform.job")).isEqualTo(jobs);
        assertThat(perWorker.keySet()).containsExactlyInAnyOrder("instance-a", "instance-b");
    }

    @Test
    void aJobWhoseWorkerDiedMidRunIsRetriedByAnother() {
        Sinks.One<Long> started = Sinks.one();
        JobWorker doomed = startWorker("doomed", settings(1, Duration.ofSeconds(1), Duration.ZERO),
                handler("test.slow", job -> {
                    started.tryEmitValue(job.id());
                    return Mono.never();
                }));
        Long id = queue.enqueue("test.slow", new Nothing()).block(WAIT);
        assertThat(started.asMono().block(WAIT)).isEqualTo(id);

        // No grace: the running job is abandoned exactly as if the process had died.
        doomed.stop();
        assertThat(status(id)).isEqualTo("running");

        Sinks.One<Integer> rescued = Sinks.one();
        startWorker("rescuer", settings(1, Duration.ofSeconds(1), Duration.ofSeconds(10)),
                handler("test.slow", job -> {
                    rescued.tryEmitValue(job.attempt());
                    return Mono.empty();
                }));
        assertThat(rescued.asMono().block(WAIT)).isEqualTo(2);
        awaitCount("SELECT count(*) FROM platform.job WHERE status = 'succeeded' AND attempts = 2 AND locked_by IS NULL", 1);
    }

    /**
     * A heartbeat held up for many intervals (another transaction holds the job's row, as a slow
     * or busy database would hold it up) carries on once it can: the ticks that fell due meanwhile
     * are skipped. It used to queue them until the interval overflowed, after which no heartbeat
     * ran again, the lease lapsed and a second attempt of the job started beside the first.
     */
    @Test
    void aHeartbeatHeldUpForManyIntervalsCarriesOnAndKeepsTheLease() {
        Sinks.One<Long> started = Sinks.one();
        // A 450 ms lease is extended every 150 ms: the 6 s hold below spans 40 heartbeats, more
        // than the 32 a bare interval queues before it fails.
        startWorker("held-up", settings(1, Duration.ofMillis(450), Duration.ZERO),
                handler("test.slow", job -> {
                    started.tryEmitValue(job.id());
                    return Mono.never();
                }));
        Long id = queue.enqueue("test.slow", new Nothing()).block(WAIT);
        assertThat(started.asMono().block(WAIT)).isEqualTo(id);

        Mono<Void> hold = transactions.transactional(db.sql("SELECT id FROM platform.job WHERE id = :id FOR UPDATE")
                .bind("id", id).fetch().rowsUpdated().then(Mono.delay(Duration.ofSeconds(6))).then());
        hold.block(WAIT);

        // Released: the lease is extended again and stays live (sampled over two seconds; the
        // worker is busy with this job, so nothing else claims it).
        awaitCount("SELECT count(*) FROM platform.job WHERE id = " + id + " AND locked_until > now() + interval '250 milliseconds'", 1);
        for (int sample = 0; sample < 10; sample++) {
            Mono.delay(Duration.ofMillis(200)).block(WAIT);
            assertThat(count("SELECT count(*) FROM platform.job WHERE id = " + id + " AND locked_until > now()"))
                    .as("the lease, %d ms after the hold", (sample + 1) * 200).isEqualTo(1);
        }
        assertThat(count("SELECT attempts FROM platform.job WHERE id = " + id)).as("one attempt").isEqualTo(1);
    }

    @Test
    void aFailingJobIsRetriedWithBackoffThenParkedAsDeadWithItsError() {
        AtomicInteger attempts = new AtomicInteger();
        startWorker("solo", settings(2, Duration.ofSeconds(60), Duration.ofSeconds(10)),
                handler("test.fail", job -> {
                    attempts.incrementAndGet();
                    return Mono.error(new IllegalArgumentException("route grade '5.1' is ambiguous"));
                }));
        Long id = queue.enqueue("test.fail", new Nothing()).block(WAIT);

        awaitCount("SELECT count(*) FROM platform.job WHERE status = 'dead'", 1);
        assertThat(attempts.get()).isEqualTo(3);
        StepVerifier.create(queue.find(id))
                .assertNext(view -> {
                    assertThat(view.status()).isEqualTo("dead");
                    assertThat(view.attempts()).isEqualTo(3);
                    assertThat(view.lastError()).contains("IllegalArgumentException").contains("ambiguous");
                    assertThat(view.finishedAt()).isNotNull();
                })
                .verifyComplete();
    }

    @Test
    void aStoppedWorkerStartedAgainRunsJobsAgain() {
        Sinks.Many<Long> ran = Sinks.many().replay().all();
        JobWorker worker = startWorker("restartable", settings(2, Duration.ofSeconds(60), Duration.ofSeconds(10)),
                handler("test.restart", job -> {
                    ran.tryEmitNext(job.id());
                    return Mono.empty();
                }));
        Long first = queue.enqueue("test.restart", new Nothing()).block(WAIT);
        StepVerifier.create(ran.asFlux().filter(first::equals).next()).expectNext(first).verifyComplete();

        // Spring pauses cached test contexts and stops their lifecycle beans; a restart must work.
        worker.stop();
        worker.start();
        Long second = queue.enqueue("test.restart", new Nothing()).block(WAIT);
        StepVerifier.create(ran.asFlux().filter(second::equals).next()).expectNext(second).verifyComplete();
        awaitCount("SELECT count(*) FROM platform.job WHERE status = 'succeeded'", 2);
    }

    @Test
    void aWorkerOnlyClaimsKindsItCanHandle() {
        Sinks.One<String> ran = Sinks.one();
        startWorker("picky", settings(2, Duration.ofSeconds(60), Duration.ofSeconds(10)),
                handler("test.known", job -> {
                    ran.tryEmitValue(job.kind());
                    return Mono.empty();
                }));
        Long unknown = queue.enqueue("test.unknown", new Nothing()).block(WAIT);
        queue.enqueue("test.known", new Nothing()).block(WAIT);

        assertThat(ran.asMono().block(WAIT)).isEqualTo("test.known");
        assertThat(status(unknown)).isEqualTo("queued");
    }

    @Test
    void aKindWithALimitRunsNoMoreThanThatAtOnceAndLeavesTheOtherSlotsToOtherKinds() {
        Sinks.Empty<Void> release = Sinks.empty();
        AtomicInteger heavyRunning = new AtomicInteger();
        AtomicInteger heavyMostAtOnce = new AtomicInteger();
        Sinks.Many<String> finished = Sinks.many().replay().all();
        JobHandler heavy = handler("test.heavy", 1, job -> Mono.defer(() -> {
                    heavyMostAtOnce.accumulateAndGet(heavyRunning.incrementAndGet(), Math::max);
                    return release.asMono();
                })
                .doFinally(signal -> {
                    heavyRunning.decrementAndGet();
                    finished.tryEmitNext("heavy");
                }));
        JobHandler light = handler("test.light", job -> Mono.fromRunnable(() -> finished.tryEmitNext("light")));
        startWorker("mixed", settings(3, Duration.ofSeconds(60), Duration.ofSeconds(10)), heavy, light);

        for (int i = 0; i < 3; i++) {
            queue.enqueue("test.heavy", new Nothing()).block(WAIT);
        }
        for (int i = 0; i < 4; i++) {
            queue.enqueue("test.light", new Nothing()).block(WAIT);
        }

        // While one heavy job is held, the light ones run through the other two slots.
        assertThat(finished.asFlux().filter("light"::equals).take(4).count().block(WAIT)).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM platform.job WHERE kind = 'test.heavy' AND status = 'running'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM platform.job WHERE kind = 'test.heavy' AND status = 'queued'")).isEqualTo(2);

        release.tryEmitEmpty();
        assertThat(finished.asFlux().filter("heavy"::equals).take(3).count().block(WAIT)).isEqualTo(3);
        awaitCount("SELECT count(*) FROM platform.job WHERE status = 'succeeded'", 7);
        assertThat(heavyMostAtOnce).hasValue(1);
    }

    @Test
    void anOperatorsLimitForAKindReplacesTheKindsOwn() {
        Sinks.Empty<Void> release = Sinks.empty();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        JobHandler heavy = handler("test.heavy", 1, job -> Mono.defer(() -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            return release.asMono();
        }).doFinally(signal -> running.decrementAndGet()));
        JobsProperties twoAtOnce = settings(4, Map.of("test.heavy", 2));
        startWorker("tuned", twoAtOnce, heavy);

        for (int i = 0; i < 4; i++) {
            queue.enqueue("test.heavy", new Nothing()).block(WAIT);
        }
        awaitCount("SELECT count(*) FROM platform.job WHERE status = 'running'", 2);
        assertThat(count("SELECT count(*) FROM platform.job WHERE status = 'queued'")).isEqualTo(2);

        release.tryEmitEmpty();
        awaitCount("SELECT count(*) FROM platform.job WHERE status = 'succeeded'", 4);
        assertThat(mostAtOnce).hasValue(2);
    }

    @Test
    void aKindsOwnLimitNeverTakesEverySlot() {
        Sinks.Empty<Void> release = Sinks.empty();
        Sinks.Many<String> finished = Sinks.many().replay().all();
        JobHandler heavy = handler("test.heavy", 5, job -> release.asMono());
        JobHandler light = handler("test.light", job -> Mono.fromRunnable(() -> finished.tryEmitNext("light")));
        startWorker("two-slots", settings(2, Duration.ofSeconds(60), Duration.ofSeconds(10)), heavy, light);

        for (int i = 0; i < 3; i++) {
            queue.enqueue("test.heavy", new Nothing()).block(WAIT);
        }
        awaitCount("SELECT count(*) FROM platform.job WHERE kind = 'test.heavy' AND status = 'running'", 1);
        queue.enqueue("test.light", new Nothing()).block(WAIT);

        // A declared 5 against two slots is one: the other slot stays free for the light job.
        assertThat(finished.asFlux().next().block(WAIT)).isEqualTo("light");
        assertThat(count("SELECT count(*) FROM platform.job WHERE kind = 'test.heavy' AND status = 'running'")).isEqualTo(1);
        release.tryEmitEmpty();
        awaitCount("SELECT count(*) FROM platform.job WHERE status = 'succeeded'", 4);
    }

    @Test
    void aLimitForAKindNoHandlerRunsStopsTheStart() {
        JobsProperties misspelt = settings(4, Map.of("test.heavvy", 1));

        assertThatThrownBy(() -> new JobWorker(store, Map.of("test.heavy", handler("test.heavy", job -> Mono.empty())),
                Flux.empty(), misspelt, "misspelt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("test.heavvy").hasMessageContaining("test.heavy");
    }

    record Label(String label) {
    }

    /** A job that needs nothing but its kind. */
    record Nothing() {
    }

    record Counted(int n) {
    }

    private JobWorker startWorker(String id, JobsProperties settings, JobHandler... handlers) {
        Map<String, JobHandler> byKind = new HashMap<>();
        for (JobHandler handler : handlers) {
            byKind.put(handler.kind(), handler);
        }
        JobWorker worker = new JobWorker(store, byKind,
                new PostgresChannel(ConnectionFactories.get(options), JobsProperties.CHANNEL).payloads(Mono.empty()), settings, id);
        workers.add(worker);
        worker.start();
        return worker;
    }

    private static JobsProperties settings(int concurrency, Duration visibility, Duration grace) {
        return settings(concurrency, visibility, grace, Map.of());
    }

    /** An operator's limits per kind, on a 60 s lease and a 10 s grace. */
    private static JobsProperties settings(int concurrency, Map<String, Integer> maxConcurrent) {
        return settings(concurrency, Duration.ofSeconds(60), Duration.ofSeconds(10), maxConcurrent);
    }

    private static JobsProperties settings(int concurrency, Duration visibility, Duration grace, Map<String, Integer> maxConcurrent) {
        return new JobsProperties(true, concurrency, Duration.ofMillis(200), visibility, 3, Duration.ofMillis(10),
                Duration.ofMillis(50), grace, null, maxConcurrent);
    }

    private static JobHandler handler(String kind, Function<Job, Mono<Void>> body) {
        return handler(kind, Integer.MAX_VALUE, body);
    }

    /** A handler declaring that no more than {@code limit} of its jobs run at once. */
    private static JobHandler handler(String kind, int limit, Function<Job, Mono<Void>> body) {
        return new JobHandler() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public int maxConcurrent() {
                return limit;
            }

            @Override
            public Mono<Void> handle(Job job) {
                return body.apply(job);
            }
        };
    }

    private static String labelOf(Job job) {
        return payloads.read(job, Label.class).label();
    }

    private static String status(Long id) {
        return db.sql("SELECT status FROM platform.job WHERE id = :id").bind("id", id)
                .map(row -> row.get(0, String.class)).one().block(WAIT);
    }

    private static long count(String sql) {
        return db.sql(sql).map(row -> row.get(0, Number.class).longValue()).one().block(WAIT);
    }

    /** Polls until the query answers {@code expected}; the wait bounds a hang, it asserts no timing. */
    private static void awaitCount(String sql, long expected) {
        Eventually.answer(() -> db.sql(sql).map(row -> row.get(0, Number.class).longValue()).one(), value -> value == expected, WAIT);
    }
}
