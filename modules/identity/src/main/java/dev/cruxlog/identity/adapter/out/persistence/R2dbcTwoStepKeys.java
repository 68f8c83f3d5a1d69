package dev.cruxlog.identity.adapter.out.persistence;

import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import dev.cruxlog.identity.application.TwoStepKeys;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcTwoStepKeys implements TwoStepKeys {

    private final DatabaseClient db;

    R2dbcTwoStepKeys(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<TwoStepKey> find(UUID accountId) {
        return db.sql("SELECT key, confirmed_at IS NOT NULL AS confirmed, last_used_step, created_at FROM identity.two_step_key "
                        + "WHERE account_id = :account")
                .bind("account", accountId)
                .map(row -> new TwoStepKey(row.get("key", byte[].class), Boolean.TRUE.equals(row.get("confirmed", Boolean.class)),
                        row.get("last_used_step", Long.class), row.get("created_at", OffsetDateTime.class).toInstant()))
                .one();
    }

    @Override
    public Mono<Boolean> startSetUp(UUID accountId, byte[] key) {
        // A confirmed key is never overwritten here: turning two-step off goes through remove().
        return db.sql("""
                        INSERT INTO identity.two_step_key (account_id, key) VALUES (:account, :key)
                        ON CONFLICT (account_id) DO UPDATE SET key = EXCLUDED.key, created_at = now(), last_used_step = 0
                         WHERE two_step_key.confirmed_at IS NULL""")
                .bind("account", accountId).bind("key", key)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    @Override
    public Mono<Boolean> confirm(UUID accountId, byte[] key, long step) {
        // The key the code was checked against: a set-up started in between replaced it.
        return db.sql("UPDATE identity.two_step_key SET confirmed_at = now(), last_used_step = :step "
                        + "WHERE account_id = :account AND confirmed_at IS NULL AND key = :key")
                .bind("account", accountId).bind("step", step).bind("key", key)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** Single use under concurrency: the row lock of one UPDATE lets only one request move the step forward. */
    @Override
    public Mono<Boolean> useStep(UUID accountId, long step) {
        return db.sql("UPDATE identity.two_step_key SET last_used_step = :step "
                        + "WHERE account_id = :account AND confirmed_at IS NOT NULL AND last_used_step < :step")
                .bind("account", accountId).bind("step", step)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    @Override
    public Mono<Void> replaceRecoveryCodes(UUID accountId, List<byte[]> codeHashes) {
        return db.sql("DELETE FROM identity.recovery_code WHERE account_id = :account").bind("account", accountId).then()
                // One statement for the ten codes, passed as hex text (the driver binds text arrays natively).
                .then(db.sql("INSERT INTO identity.recovery_code (account_id, code_hash) "
                                + "SELECT :account, decode(hash, 'hex') FROM unnest(CAST(:hashes AS text[])) AS hash")
                        .bind("account", accountId)
                        .bind("hashes", codeHashes.stream().map(HexFormat.of()::formatHex).toArray(String[]::new))
                        .then());
    }

    @Override
    public Mono<Boolean> useRecoveryCode(UUID accountId, byte[] codeHash) {
        return db.sql("UPDATE identity.recovery_code SET used_at = now() "
                        + "WHERE account_id = :account AND code_hash = :hash AND used_at IS NULL")
                .bind("account", accountId).bind("hash", codeHash)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    @Override
    public Mono<Long> unusedRecoveryCodes(UUID accountId) {
        return db.sql("SELECT count(*) FROM identity.recovery_code WHERE account_id = :account AND used_at IS NULL")
                .bind("account", accountId).map(row -> row.get(0, Long.class)).one();
    }

    @Override
    public Mono<Void> remove(UUID accountId) {
        return Flux.concat(
                        db.sql("DELETE FROM identity.recovery_code WHERE account_id = :account").bind("account", accountId).then(),
                        db.sql("DELETE FROM identity.two_step_key WHERE account_id = :account").bind("account", accountId).then())
                .then();
    }
}
