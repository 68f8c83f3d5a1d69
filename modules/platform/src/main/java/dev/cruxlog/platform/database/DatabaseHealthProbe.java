package dev.cruxlog.platform.database;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import dev.cruxlog.platform.Periodic;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Health's view of PostgreSQL: a probe ({@code SELECT 1} on {@link HealthConnection}'s own
 * connection) runs every {@code interval}, and health answers from its last outcome without
 * waiting for the database.
 *
 * <p>Why not a query per health request, as before: with PostgreSQL slow, or busy with a burst of
 * work released by a lock, the query waited for it, and health answered in 100-180 ms
 * (reliability/run.sh R4) while the event loops were free; with PostgreSQL reached through a
 * 200 ms link it could never answer faster than 400 ms. A load balancer asks health to learn
 * whether to send traffic, and must get that answer at once. What is given up: the answer is up
 * to {@code interval} old.
 *
 * <p>The rules: UP while the last probe answered and did so within {@code answerWithin} of now
 * (its round trip is shown as {@code latencyMs}); DOWN when the last probe failed, or when no
 * probe has answered for longer than {@code answerWithin} (a database that accepts the
 * connection and then never answers is down too). Before the first probe has answered, health
 * waits for it. Probes never overlap: a tick that comes while one is out is skipped.
 */
final class DatabaseHealthProbe implements ReactiveHealthIndicator {

    private final ConnectionFactory connections;
    private final Duration interval;
    private final Duration answerWithin;
    private final LongSupplier nanoTime;
    private final AtomicReference<Outcome> last = new AtomicReference<>();
    private volatile Disposable probing;

    DatabaseHealthProbe(ConnectionFactory connections, Duration interval, Duration answerWithin, LongSupplier nanoTime) {
        this.connections = connections;
        this.interval = interval;
        this.answerWithin = answerWithin;
        this.nanoTime = nanoTime;
    }

    /** Starts probing every {@code interval}, off the request path. */
    void start() {
        probing = Periodic.every(Duration.ZERO, interval)
                .concatMap(tick -> probe(), 1)
                .subscribe();
    }

    void stop() {
        Disposable running = probing;
        if (running != null) {
            running.dispose();
        }
    }

    @Override
    public Mono<Health> health() {
        Outcome outcome = last.get();
        return outcome == null ? probe().map(this::toHealth) : Mono.just(toHealth(outcome));
    }

    /** One round trip; its outcome becomes the last one. Never fails. */
    Mono<Outcome> probe() {
        long started = nanoTime.getAsLong();
        return Mono.usingWhen(connections.create(),
                        (Connection connection) -> Flux.from(connection.createStatement("SELECT 1").execute())
                                .concatMap(result -> result.map((row, metadata) -> 1)).then(),
                        Connection::close)
                .timeout(answerWithin)
                .then(Mono.fromSupplier(() -> Outcome.answered(started, nanoTime.getAsLong())))
                .onErrorResume(error -> Mono.just(Outcome.failed(started, nanoTime.getAsLong(), error)))
                .doOnNext(last::set);
    }

    private Health toHealth(Outcome outcome) {
        long sinceAnswer = nanoTime.getAsLong() - outcome.finishedNanos();
        if (outcome.error() != null) {
            return Health.down(outcome.error()).withDetail("checkedAt", outcome.at().toString()).build();
        }
        if (sinceAnswer > answerWithin.toNanos()) {
            return Health.down().withDetail("error", "PostgreSQL has not answered for " + Duration.ofNanos(sinceAnswer).toMillis()
                    + " ms (allowed " + answerWithin.toMillis() + " ms)").withDetail("checkedAt", outcome.at().toString()).build();
        }
        return Health.up().withDetail("database", "PostgreSQL").withDetail("latencyMs", outcome.latencyNanos() / 1_000_000.0)
                .withDetail("checkedAt", outcome.at().toString()).build();
    }

    /** A probe's result: when it finished, how long the round trip took, and why it failed if it did. */
    record Outcome(Instant at, long finishedNanos, long latencyNanos, Throwable error) {

        static Outcome answered(long startedNanos, long finishedNanos) {
            return new Outcome(Instant.now(), finishedNanos, finishedNanos - startedNanos, null);
        }

        static Outcome failed(long startedNanos, long finishedNanos, Throwable error) {
            return new Outcome(Instant.now(), finishedNanos, finishedNanos - startedNanos, error);
        }
    }
}
