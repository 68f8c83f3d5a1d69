package dev.cruxlog.identity.adapter.in.database;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.cruxlog.identity.application.AccessTokenCutoffs;
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
    private static final Duration RELOAD_EVERY = Duration.ofMinutes(1);

    private final ConnectionFactory dedicatedConnections;
    private final UserAccounts accounts;
    private final AccessTokenCutoffs cutoffs;
    private volatile Disposable listening;

    public AccessTokenCutoffListener(ConnectionFactory dedicatedConnections, UserAccounts accounts,
                                     AccessTokenCutoffs cutoffs) {
        this.dedicatedConnections = dedicatedConnections;
        this.accounts = accounts;
        this.cutoffs = cutoffs;
    }

    @Override
    public void start() {
        Flux<String> heard = Flux.usingWhen(dedicatedConnections.create(), this::listen, Connection::close)
                .doOnError(e -> log.warn("Token cutoff listener lost its connection: {}", e.toString()))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30))
                        .transientErrors(true))
                .repeatWhen(completed -> completed.delayElements(Duration.ofSeconds(1)));
        // A connection can go quiet without closing (a half-open socket is noticed only by TCP
        // keepalive, hours later): reading the table every minute bounds what such a gap can miss.
        Flux<Void> rereads = Flux.interval(RELOAD_EVERY, RELOAD_EVERY)
                .onBackpressureDrop()
                .concatMap(tick -> reload().onErrorResume(e -> {
                    log.warn("Reloading token cutoffs failed: {}", e.toString());
                    return Mono.empty();
                }));
        listening = Flux.merge(heard.doOnNext(this::heard).then(), rereads.then())
                .subscribe(null, e -> log.error("Token cutoff listener stopped", e));
    }

    private Flux<String> listen(Connection connection) {
        PostgresqlConnection postgres = (PostgresqlConnection) connection;
        // The driver drops notifications nobody is subscribed to, so subscribe first; then LISTEN,
        // then read the table: a cutoff committed at any point from here on is heard or read.
        Flux<String> notifications = postgres.getNotifications().mapNotNull(notification -> notification.getParameter());
        Mono<Void> listenThenReload = postgres.createStatement("LISTEN " + AccessTokenCutoffs.CHANNEL).execute()
                .flatMap(PostgresqlResult::getRowsUpdated)
                .then(reload());
        return Flux.merge(notifications, listenThenReload.then(Mono.<String>empty()));
    }

    private Mono<Void> reload() {
        return accounts.recentAccessTokenCutoffs(cutoffs.memory())
                .doOnNext(recent -> cutoffs.record(recent.accountId(), recent.cutoff()))
                .then();
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
