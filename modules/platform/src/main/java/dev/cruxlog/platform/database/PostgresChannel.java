package dev.cruxlog.platform.database;

import java.time.Duration;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * One PostgreSQL {@code LISTEN} channel, heard on a connection of its own (a pooled one would
 * be handed to someone else). NOTIFY is delivered on commit, so a rolled-back change is never
 * heard. When the connection drops, the listener reconnects with backoff.
 * <p>
 * A listener misses what is sent while it is not listening, so each time it (re)connects it
 * runs {@code catchUp} (re-read what the notifications stand for) after {@code LISTEN}, and
 * subscribes to the driver's notifications before either: the driver drops notifications
 * nobody is subscribed to, so in this order anything committed from the moment the listener
 * connects is heard or caught up.
 */
public final class PostgresChannel {

    private static final Logger log = LoggerFactory.getLogger(PostgresChannel.class);

    private final ConnectionFactory dedicatedConnections;
    private final String channel;

    public PostgresChannel(ConnectionFactory dedicatedConnections, String channel) {
        if (!channel.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a plain channel name: " + channel);
        }
        this.dedicatedConnections = dedicatedConnections;
        this.channel = channel;
    }

    /**
     * The channel heard on connections opened for it alone with the application's connection
     * settings: LISTEN holds its connection for as long as it listens, so never one from the pool.
     */
    public static PostgresChannel onItsOwnConnection(R2dbcConnectionDetails connection, String channel) {
        return new PostgresChannel(ConnectionFactories.get(connection.getConnectionFactoryOptions()), channel);
    }

    /** The payloads of the channel's notifications ("" for none); cold, each subscriber listens on its own connection. */
    public Flux<String> payloads(Mono<Void> catchUp) {
        return Flux.usingWhen(dedicatedConnections.create(), connection -> listen(connection, catchUp), Connection::close)
                .doOnError(e -> log.warn("Listener of {} lost its connection: {}", channel, e.toString()))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30))
                        .transientErrors(true))
                .repeatWhen(completed -> completed.delayElements(Duration.ofSeconds(1)));
    }

    private Flux<String> listen(Connection connection, Mono<Void> catchUp) {
        PostgresqlConnection postgres = (PostgresqlConnection) connection;
        Flux<String> notifications = postgres.getNotifications()
                .map(notification -> notification.getParameter() == null ? "" : notification.getParameter());
        Mono<Void> listenThenCatchUp = postgres.createStatement("LISTEN " + channel).execute()
                .flatMap(PostgresqlResult::getRowsUpdated)
                .then(catchUp);
        return Flux.merge(notifications, listenThenCatchUp.then(Mono.<String>empty()));
    }
}
