package dev.cruxlog.identity.adapter.out.persistence;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import dev.cruxlog.identity.application.RefreshTokens;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcRefreshTokens implements RefreshTokens {

    private final DatabaseClient db;

    R2dbcRefreshTokens(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> insert(byte[] tokenHash, UUID familyId, UUID accountId, Duration lifetime, Duration familyLifetime) {
        // The family's start is carried from its first token in the same statement, so rotation
        // cannot stretch a sign-in past its absolute lifetime (ASVS 7.3.2).
        return db.sql("""
                        INSERT INTO identity.refresh_token (token_hash, family_id, account_id, family_started_at, expires_at)
                        SELECT :hash, :family, :account, started,
                               least(now() + CAST(:seconds AS bigint) * interval '1 second',
                                     started + CAST(:familySeconds AS bigint) * interval '1 second')
                          FROM (SELECT coalesce(min(family_started_at), now()) AS started
                                  FROM identity.refresh_token WHERE family_id = :family) family""")
                .bind("hash", tokenHash).bind("family", familyId).bind("account", accountId)
                .bind("seconds", lifetime.toSeconds()).bind("familySeconds", familyLifetime.toSeconds())
                .then();
    }

    @Override
    public Mono<Stored> find(byte[] tokenHash) {
        return db.sql("""
                        SELECT family_id, account_id, expires_at, spent_at IS NOT NULL AS spent, revoked_at IS NOT NULL AS revoked
                          FROM identity.refresh_token WHERE token_hash = :hash""")
                .bind("hash", tokenHash)
                .map(row -> new Stored(row.get("family_id", UUID.class), row.get("account_id", UUID.class),
                        row.get("expires_at", OffsetDateTime.class), Boolean.TRUE.equals(row.get("spent", Boolean.class)),
                        Boolean.TRUE.equals(row.get("revoked", Boolean.class))))
                .one();
    }

    @Override
    public Mono<Boolean> spend(byte[] tokenHash) {
        return db.sql("UPDATE identity.refresh_token SET spent_at = now() WHERE token_hash = :hash AND spent_at IS NULL "
                        + "AND revoked_at IS NULL")
                .bind("hash", tokenHash)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    @Override
    public Mono<Void> revokeFamily(UUID familyId) {
        return db.sql("UPDATE identity.refresh_token SET revoked_at = coalesce(revoked_at, now()) WHERE family_id = :family")
                .bind("family", familyId).then();
    }

    @Override
    public Mono<Void> revokeAllFor(UUID accountId) {
        return db.sql("UPDATE identity.refresh_token SET revoked_at = coalesce(revoked_at, now()) WHERE account_id = :account")
                .bind("account", accountId).then();
    }

    @Override
    public Flux<ApiSignIn> liveFamilies(UUID accountId) {
        return db.sql("""
                        SELECT family_id, min(family_started_at) AS started_at, max(created_at) AS last_used_at,
                               max(expires_at) FILTER (WHERE spent_at IS NULL) AS expires_at
                          FROM identity.refresh_token
                         WHERE account_id = :account AND revoked_at IS NULL
                         GROUP BY family_id
                        HAVING bool_or(spent_at IS NULL AND expires_at > now())
                         ORDER BY last_used_at DESC""")
                .bind("account", accountId)
                .map(row -> new ApiSignIn(row.get("family_id", UUID.class),
                        row.get("started_at", OffsetDateTime.class).toInstant(),
                        row.get("last_used_at", OffsetDateTime.class).toInstant(),
                        row.get("expires_at", OffsetDateTime.class).toInstant()))
                .all();
    }

    @Override
    public Mono<Boolean> revokeFamilyOf(UUID accountId, UUID familyId) {
        return db.sql("""
                        UPDATE identity.refresh_token SET revoked_at = now()
                         WHERE account_id = :account AND family_id = :family AND revoked_at IS NULL""")
                .bind("account", accountId).bind("family", familyId)
                .fetch().rowsUpdated().map(revoked -> revoked > 0);
    }
}
