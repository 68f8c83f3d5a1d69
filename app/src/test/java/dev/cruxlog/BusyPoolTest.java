package dev.cruxlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.cruxlog.platform.testing.TestDatabase;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.SecondInstance;
import io.r2dbc.spi.ConnectionFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A pool whose every connection waits on a lock answers the requests that queue behind it in
 * time. The lock is on the whole ticks table and the test counts the database's waiting
 * statements, so the instance under test runs on a database of its own: the other classes,
 * which run beside this one, neither wait for the lock nor add to the count.
 */
class BusyPoolTest {

    private TestDatabase database;
    private DatabaseClient db;

    @BeforeEach
    void databaseOfItsOwn() {
        database = TestDatabase.scratch("busy_pool");
        db = DatabaseClient.create(ConnectionFactories.get(TestDatabase.options(database.url())));
    }

    @AfterEach
    void dropIt() {
        database.drop();
    }

    /**
     * Issue #18 (R4) in small: every connection of the pool is held by a statement waiting for
     * a lock, and more requests come. They are answered 503 problem+json at the acquire timeout,
     * once: r2dbc-pool repeats a timed-out attempt (acquire-retry) and so waited twice as long,
     * here long enough for the lock to go and the requests to be served late instead
     * ({@code AcquireDeadline}).
     */
    @Test
    void requestsWaitingForABusyPoolAreAnswered503AtTheAcquireTimeoutNotTwiceIt() {
        try (SecondInstance small = SecondInstance.on(database.url().toUrlString(),
                "--spring.r2dbc.pool.initial-size=2", "--spring.r2dbc.pool.max-size=2",
                "--spring.r2dbc.pool.max-acquire-time=3s", "--cruxlog.database.lock-wait-timeout=30s")) {
            Climbers.Climber climber = new Climbers(small.http()).admin("pool-waits", db);
            WebClient client = WebClient.create("http://localhost:" + small.port());
            // The ticks table locked for 6 s. Holders take both connections at about 0.5 s and
            // wait; waiters ask at about 1 s: answered at about 4 s with the deadline, after 6 s
            // (served, once the lock is gone) with the pool's own repeat.
            AtomicLong lockReleased = new AtomicLong(Long.MAX_VALUE);
            Mono<Void> lock = db.sql("BEGIN; LOCK TABLE logbook.tick IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(6); COMMIT")
                    .then().doOnTerminate(() -> lockReleased.set(System.nanoTime()));
            Mono<Void> locked = lock.subscribeOn(Schedulers.parallel()).cache();
            locked.subscribe();
            awaitCount("SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                    + "WHERE l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                    + "AND c.relname = 'tick' AND l.mode = 'AccessExclusiveLock' AND l.granted", 1);

            record Answer(int status, String type, long at) {
            }
            Mono<Answer> page = client.get().uri("/api/v1/logbook/ticks").header("Authorization", climber.bearer())
                    .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                            .map(body -> new Answer(response.statusCode().value(),
                                    response.headers().contentType().map(MediaType::toString).orElse(""), System.nanoTime())));
            // Answered when the lock goes (or 503 if one waited for a connection behind another
            // statement on the ticks, such as a sweep's): not what this test is about.
            Flux.merge(page, page).subscribe();
            awaitCount("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    + "AND wait_event_type = 'Lock' AND query LIKE '%logbook.%tick%'", 2);
            List<Answer> waiters = Flux.merge(page, page).collectList().block(Duration.ofSeconds(30));

            assertThat(waiters).allSatisfy(answer -> {
                assertThat(answer.status()).isEqualTo(503);
                assertThat(answer.type()).contains("application/problem+json");
                assertThat(answer.at()).as("answered while the lock was still held").isLessThan(lockReleased.get());
            });
            locked.block(Duration.ofSeconds(30));
        }
    }

    /** Polls the database until the query counts at least {@code atLeast}. */
    private void awaitCount(String sql, long atLeast) {
        Flux.interval(Duration.ZERO, Duration.ofMillis(50))
                // A count waiting for a busy pool outlasts a tick: skip ticks, never overflow.
                .onBackpressureDrop()
                .concatMap(tick -> db.sql(sql).map(row -> row.get(0, Long.class)).one())
                .filter(count -> count >= atLeast)
                .next()
                .block(Duration.ofSeconds(20));
    }
}
