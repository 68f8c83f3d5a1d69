package dev.cruxlog.identity.application;

import java.time.Duration;
import java.util.UUID;

import reactor.core.publisher.Mono;

/** Out-port: single-use links sent by email (verify address, reset password, confirm new address). */
public interface OneTimeTokens {

    enum Purpose { VERIFY_EMAIL, RESET_PASSWORD, CHANGE_EMAIL }

    Mono<Void> insert(byte[] tokenHash, UUID accountId, Purpose purpose, String newEmail, Duration lifetime);

    /** Atomically marks the token used; empty when unknown, expired, already used or of another purpose. */
    Mono<Consumed> consume(byte[] tokenHash, Purpose purpose);

    /** The account of a link that is still good (unused, unexpired), without using it. */
    Mono<UUID> accountOf(byte[] tokenHash, Purpose purpose);

    Mono<Long> countIssuedSince(UUID accountId, Purpose purpose, Duration window);

    /**
     * Within a transaction: waits until no other transaction is issuing this account's links
     * of this purpose, and holds that until commit, so "at most N an hour" counts what the
     * others just issued instead of racing them.
     */
    Mono<Void> lockIssuing(UUID accountId, Purpose purpose);

    Mono<Void> invalidateAll(UUID accountId, Purpose purpose);

    record Consumed(UUID accountId, String newEmail) {
    }
}
