package dev.cruxlog.platform.jobs.internal;

import java.time.Duration;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.util.retry.Retry;

/**
 * Wake-ups for workers: {@code LISTEN cruxlog_jobs} on a dedicated connection (a pooled
 * one would be handed to someone else). NOTIFY is delivered only on commit, so a job
 * enqueued in a rolled-back transaction never wakes anyone. When the connection drops
 * the listener reconnects with backoff; polling covers the gap.
 */
class PostgresJobNotifications {

    private static final Logger log = LoggerFactory.getLogger(PostgresJobNotifications.class);

    private final ConnectionFactory dedicatedConnections;

    PostgresJobNotifications(ConnectionFactory dedicatedConnections) {
        this.dedicatedConnections = dedicatedConnections;
    }

    /** Kinds of newly committed jobs; cold, each subscriber gets its own connection. */
    Flux<String> kinds() {
        return Flux.usingWhen(dedicatedConnections.create(), this::listen, Connection::close)
                .doOnError(e -> log.warn("Job notification listener lost its connection: {}", e.toString()))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
                .repeatWhen(completed -> completed.delayElements(Duration.ofSeconds(1)));
    }

    private Flux<String> listen(Connection connection) {
        PostgresqlConnection postgres = (PostgresqlConnection) connection;
        return postgres.createStatement("LISTEN " + JobsProperties.CHANNEL).execute()
                .flatMap(PostgresqlResult::getRowsUpdated)
                .thenMany(postgres.getNotifications())
                .map(notification -> notification.getParameter() == null ? "" : notification.getParameter());
    }
}
