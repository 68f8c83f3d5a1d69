package dev.cruxlog.identity.adapter.in.database;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.cruxlog.platform.Periodic;
import dev.cruxlog.identity.application.AccessTokenCutoffs;
import dev.cruxlog.platform.database.ChannelListener;
import dev.cruxlog.platform.database.PostgresChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every instance hears every account's access-token cutoff as its transaction commits, on
 * {@link AccessTokenCutoffs#CHANNEL}, and keeps it in {@link AccessTokenCutoffs}. Each time the
 * listener (re)connects it catches up from the accounts table; it also rereads the table every
 * minute, as a connection can go quiet without closing (a half-open socket is noticed only by
 * TCP keepalive, hours later), which bounds what such a gap can miss.
 */
public class AccessTokenCutoffListener extends ChannelListener {

    private static final Logger log = LoggerFactory.getLogger(AccessTokenCutoffListener.class);
    private static final Duration REREAD_EVERY = Duration.ofMinutes(1);

    private final AccessTokenCutoffs cutoffs;

    public AccessTokenCutoffListener(PostgresChannel channel, AccessTokenCutoffs cutoffs) {
        super(channel);
        this.cutoffs = cutoffs;
    }

    @Override
    protected Flux<Void> hear(PostgresChannel channel) {
        Flux<Void> rereads = Periodic.every(REREAD_EVERY, REREAD_EVERY)
                .concatMap(tick -> cutoffs.reload().onErrorResume(e -> {
                    log.warn("Rereading token cutoffs failed: {}", e.toString());
                    return Mono.empty();
                }));
        return Flux.merge(channel.payloads(cutoffs.reload()).doOnNext(this::heard).then(), rereads.then());
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
}
