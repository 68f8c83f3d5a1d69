package dev.cruxlog.identity.adapter.out.persistence;

import java.time.Duration;
import java.util.UUID;

import dev.cruxlog.identity.application.SignInChallenges;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
class R2dbcSignInChallenges implements SignInChallenges {

    /** Someone holding the password could otherwise pile up challenges: an account keeps its newest few. */
    private static final int KEPT_PER_ACCOUNT = 5;

    private final DatabaseClient db;

    R2dbcSignInChallenges(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> insert(byte[] tokenHash, UUID accountId, Duration lifetime) {
        return db.sql("""
                        INSERT INTO identity.sign_in_challenge (token_hash, account_id, expires_at)
                        VALUES (:hash, :account, now() + CAST(:seconds AS bigint) * interval '1 second')""")
                .bind("hash", tokenHash).bind("account", accountId).bind("seconds", lifetime.toSeconds())
                .then()
                .then(db.sql("""
                                DELETE FROM identity.sign_in_challenge
                                 WHERE account_id = :account
                                   AND (expires_at <= now()
                                        OR token_hash NOT IN (SELECT token_hash FROM identity.sign_in_challenge
                                                               WHERE account_id = :account
                                                               ORDER BY expires_at DESC LIMIT :kept))""")
                        .bind("account", accountId).bind("kept", KEPT_PER_ACCOUNT)
                        .then());
    }

    @Override
    public Mono<UUID> accountOf(byte[] tokenHash) {
        return db.sql("SELECT account_id FROM identity.sign_in_challenge WHERE token_hash = :hash AND expires_at > now()")
                .bind("hash", tokenHash).map(row -> row.get("account_id", UUID.class)).one();
    }

    @Override
    public Mono<Void> deleteAllFor(UUID accountId) {
        return db.sql("DELETE FROM identity.sign_in_challenge WHERE account_id = :account").bind("account", accountId).then();
    }

    @Override
    public Mono<Boolean> consume(byte[] tokenHash) {
        return db.sql("DELETE FROM identity.sign_in_challenge WHERE token_hash = :hash AND expires_at > now()")
                .bind("hash", tokenHash).fetch().rowsUpdated().map(rows -> rows == 1);
    }
}
