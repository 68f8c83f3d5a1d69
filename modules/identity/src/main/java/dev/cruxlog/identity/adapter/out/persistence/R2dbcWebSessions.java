package dev.cruxlog.identity.adapter.out.persistence;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import dev.cruxlog.identity.application.WebSessions;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcWebSessions implements WebSessions {

    private final DatabaseClient db;

    R2dbcWebSessions(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> create(byte[] tokenHash, UUID accountId, Duration lifetime, String userAgent, String clientAddress) {
        return db.sql("""
                        INSERT INTO identity.web_session (token_hash, account_id, expires_at, user_agent, client_address)
                        VALUES (:hash, :account, now() + CAST(:seconds AS bigint) * interval '1 second', :agent, :address)""")
                .bind("hash", tokenHash)
                .bind("account", accountId)
                .bind("seconds", lifetime.toSeconds())
                .bind("agent", org.springframework.r2dbc.core.Parameter.fromOrEmpty(userAgent, String.class))
                .bind("address", org.springframework.r2dbc.core.Parameter.fromOrEmpty(clientAddress, String.class))
                .then();
    }

    /**
     * One statement: finds a live session and, at most once a minute, slides its expiry.
     * Pages therefore cost one round trip for the session, not two.
     */
    @Override
    public Mono<UUID> resolve(byte[] tokenHash, Duration lifetime, Duration maxLifetime) {
        return db.sql("""
                        WITH live AS (
                            SELECT token_hash, account_id, last_seen_at FROM identity.web_session
                             WHERE token_hash = :hash AND expires_at > now()
                               AND created_at > now() - CAST(:maxSeconds AS bigint) * interval '1 second'),
                        touched AS (
                            UPDATE identity.web_session s
                               SET last_seen_at = now(),
                                   expires_at = least(now() + CAST(:seconds AS bigint) * interval '1 second',
                                                      s.created_at + CAST(:maxSeconds AS bigint) * interval '1 second')
                              FROM live
                             WHERE s.token_hash = live.token_hash AND live.last_seen_at < now() - interval '1 minute')
                        SELECT account_id FROM live""")
                .bind("hash", tokenHash)
                .bind("seconds", lifetime.toSeconds())
                .bind("maxSeconds", maxLifetime.toSeconds())
                .map(row -> row.get("account_id", UUID.class))
                .one();
    }

    @Override
    public Mono<Void> delete(byte[] tokenHash) {
        return db.sql("DELETE FROM identity.web_session WHERE token_hash = :hash").bind("hash", tokenHash).then();
    }

    @Override
    public Mono<Void> deleteAllFor(UUID accountId) {
        return db.sql("DELETE FROM identity.web_session WHERE account_id = :account").bind("account", accountId).then();
    }

    @Override
    public Mono<Void> deleteAllForExcept(UUID accountId, byte[] keptTokenHash) {
        return db.sql("DELETE FROM identity.web_session WHERE account_id = :account AND token_hash <> :kept")
                .bind("account", accountId).bind("kept", keptTokenHash).then();
    }

    @Override
    public Flux<PageSession> listFor(UUID accountId, byte[] currentTokenHash, Duration maxLifetime) {
        return db.sql("""
                        SELECT id, created_at, last_seen_at, expires_at, user_agent, client_address,
                               token_hash = :current AS current
                          FROM identity.web_session
                         WHERE account_id = :account AND expires_at > now()
                           AND created_at > now() - CAST(:maxSeconds AS bigint) * interval '1 second'
                         ORDER BY last_seen_at DESC""")
                .bind("account", accountId)
                .bind("current", currentTokenHash == null ? new byte[0] : currentTokenHash)
                .bind("maxSeconds", maxLifetime.toSeconds())
                .map(row -> new PageSession(row.get("id", UUID.class), row.get("created_at", OffsetDateTime.class).toInstant(),
                        row.get("last_seen_at", OffsetDateTime.class).toInstant(),
                        row.get("expires_at", OffsetDateTime.class).toInstant(), row.get("user_agent", String.class),
                        row.get("client_address", String.class), Boolean.TRUE.equals(row.get("current", Boolean.class))))
                .all();
    }

    @Override
    public Mono<Boolean> deleteOne(UUID accountId, UUID sessionId) {
        return db.sql("DELETE FROM identity.web_session WHERE account_id = :account AND id = :id")
                .bind("account", accountId).bind("id", sessionId)
                .fetch().rowsUpdated().map(deleted -> deleted > 0);
    }
}
