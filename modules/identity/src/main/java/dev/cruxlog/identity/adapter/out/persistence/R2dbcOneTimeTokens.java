package dev.cruxlog.identity.adapter.out.persistence;

import java.time.Duration;
import java.util.UUID;

import dev.cruxlog.identity.application.OneTimeTokens;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
class R2dbcOneTimeTokens implements OneTimeTokens {

    private final DatabaseClient db;

    R2dbcOneTimeTokens(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> insert(byte[] tokenHash, UUID accountId, Purpose purpose, String newEmail, Duration lifetime) {
        return db.sql("""
                        INSERT INTO identity.one_time_token (token_hash, account_id, purpose, new_email, expires_at)
                        VALUES (:hash, :account, :purpose, :newEmail, now() + CAST(:seconds AS bigint) * interval '1 second')""")
                .bind("hash", tokenHash).bind("account", accountId).bind("purpose", purpose.name())
                .bind("newEmail", Parameter.fromOrEmpty(newEmail, String.class))
                .bind("seconds", lifetime.toSeconds())
                .then();
    }

    /** Single use, enforced by the row lock of one UPDATE: two concurrent uses cannot both succeed. */
    @Override
    public Mono<Consumed> consume(byte[] tokenHash, Purpose purpose) {
        return db.sql("""
                        UPDATE identity.one_time_token SET used_at = now()
                         WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > now()
                        RETURNING account_id, new_email""")
                .bind("hash", tokenHash).bind("purpose", purpose.name())
                .map(row -> new Consumed(row.get("account_id", UUID.class), row.get("new_email", String.class)))
                .one();
    }

    @Override
    public Mono<UUID> accountOf(byte[] tokenHash, Purpose purpose) {
        return db.sql("""
                        SELECT account_id FROM identity.one_time_token
                         WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > now()""")
                .bind("hash", tokenHash).bind("purpose", purpose.name())
                .map(row -> row.get("account_id", UUID.class))
                .one();
    }

    @Override
    public Mono<Long> countIssuedSince(UUID accountId, Purpose purpose, Duration window) {
        return db.sql("""
                        SELECT count(*) FROM identity.one_time_token
                         WHERE account_id = :account AND purpose = :purpose
                           AND created_at > now() - CAST(:seconds AS bigint) * interval '1 second'""")
                .bind("account", accountId).bind("purpose", purpose.name()).bind("seconds", window.toSeconds())
                .map(row -> row.get(0, Long.class)).one();
    }

    @Override
    public Mono<Void> lockIssuing(UUID accountId, Purpose purpose) {
        // A transaction-scoped advisory lock: released by commit or rollback, never left behind.
        return db.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .bind("key", "one_time_token:" + accountId + ":" + purpose.name())
                .then();
    }

    @Override
    public Mono<Void> invalidateAll(UUID accountId, Purpose purpose) {
        return db.sql("UPDATE identity.one_time_token SET used_at = now() WHERE account_id = :account "
                        + "AND purpose = :purpose AND used_at IS NULL")
                .bind("account", accountId).bind("purpose", purpose.name()).then();
    }
}
