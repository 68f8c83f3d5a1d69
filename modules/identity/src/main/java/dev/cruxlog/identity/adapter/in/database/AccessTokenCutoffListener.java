package dev.cruxlog.identity.adapter.in.database;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.cruxlog.identity.application.AccessTokenCutoffs;
import dev.cruxlog.identity.application.IdentityProperties;
import dev.cruxlog.identity.application.UserAccounts;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * {@code LISTEN} on {@link AccessTokenCutoffs#CHANNEL} on a connection of its own (a pooled one would be handed
 * to someone else): every instance hears every account's token cutoff as its transaction
 * commits, and keeps it in {@link AccessTokenCutoffs}. Each time the listener (re)connects it
 * first loads the cutoffs of the last token lifetime from the accounts table, so a notification
 * sent while it was away is not missed for longer than the reconnection takes.
 */
public class AccessTokenCutoffListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AccessTokenCutoffListener.class);

    private final ConnectionFactory dedicatedConnections;
    private final UserAccounts accounts;
    private final AccessTokenCutoffs cutoffs;
    private final IdentityProperties properties;
    private volatile Disposable listening;

    public AccessTokenCutoffListener(ConnectionFactory dedicatedConnections, UserAccounts accounts,
                                     AccessTokenCutoffs cutoffs, IdentityProperties properties) {
        this.dedicatedConnections = dedicatedConnections;
        this.accounts = accounts;
        this.cutoffs = cutoffs;
        this.properties = properties;
    }

    @Override
    public void start() {
        listening = Flux.usingWhen(dedicatedConnections.create(), this::listen, Connection::close)
                .doOnError(e -> log.warn("Token cutoff listener lost its connection: {}", e.toString()))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
                .repeatWhen(completed -> completed.delayElements(Duration.ofSeconds(1)))
                .subscribe(this::heard, e -> log.error("Token cutoff listener stopped", e));
    }

    private Flux<String> listen(Connection connection) {
        PostgresqlConnection postgres = (PostgresqlConnection) connection;
        return postgres.createStatement("LISTEN " + AccessTokenCutoffs.CHANNEL).execute()
                .flatMap(PostgresqlResult::getRowsUpdated)
                // Listening first, then the table: a cutoff made in between is both heard and read.
                .thenMany(accounts.recentAccessTokenCutoffs(properties.accessTokenLifetime())
                        .doOnNext(recent -> cutoffs.record(recent.accountId(), recent.cutoff())).then())
                .thenMany(postgres.getNotifications())
                .mapNotNull(notification -> notification.getParameter());
    }

    /** "account-id epoch-millis", as {@code R2dbcUserAccounts.revokeAccessTokens} sends it. */
    private void heard(String payload) {
        int space = payload.indexOf(' ');
        try {
            cutoffs.record(UUID.fromString(payload.substring(0, space)),
                    Instant.ofEpochMilli(Long.parseLong(payload.substring(space + 1))));
        } catch (RuntimeException malformed) {
            log.warn("Ignoring a malformed token cutoff notification: {}", payload);
        }
    }

    @Override
    public void stop() {
        Disposable running = listening;
        if (running != null) {
            running.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        Disposable running = listening;
        return running != null && !running.isDisposed();
    }
}
