package dev.cruxlog.identity.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

/** Out-port: each account's TOTP key and recovery codes (ASVS 6.5). */
public interface TwoStepKeys {

    /**
     * A key; {@code confirmed} once a code from it was typed, which is when it starts being asked
     * for. {@code createdAt}: when it was handed out (a key being set up expires).
     */
    record TwoStepKey(byte[] key, boolean confirmed, long lastUsedStep, Instant createdAt) {
    }

    Mono<TwoStepKey> find(UUID accountId);

    /** Stores a key being set up, replacing one not yet confirmed; false when two-step sign-in is already on. */
    Mono<Boolean> startSetUp(UUID accountId, byte[] key);

    /**
     * Turns that key on, its first code's step recorded as used; false when it is no longer the
     * one being set up (confirmed already, or replaced by a new set-up in the meantime).
     */
    Mono<Boolean> confirm(UUID accountId, byte[] key, long step);

    /** Records a code's step as used; false when that step or a later one was used already (a replayed code). */
    Mono<Boolean> useStep(UUID accountId, long step);

    /** The account's recovery codes become these (by hash); the old ones stop working. */
    Mono<Void> replaceRecoveryCodes(UUID accountId, List<byte[]> codeHashes);

    /** Spends a recovery code; false when the account has no unused code with that hash. */
    Mono<Boolean> useRecoveryCode(UUID accountId, byte[] codeHash);

    Mono<Long> unusedRecoveryCodes(UUID accountId);

    /** Two-step sign-in off: the key and every recovery code are deleted. */
    Mono<Void> remove(UUID accountId);
}
