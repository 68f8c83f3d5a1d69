package dev.cruxlog.identity.application;

import java.time.Duration;
import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * Out-port: passwords accepted for accounts that also ask for a code. Each is a hashed bearer
 * token that allows one thing, finishing that account's sign-in, for a few minutes.
 */
public interface SignInChallenges {

    /** Stores a challenge; the account's expired ones, and all but its few newest, are dropped. */
    Mono<Void> insert(byte[] tokenHash, UUID accountId, Duration lifetime);

    /** The account an unexpired challenge is for; empty when it is unknown, used or expired. */
    Mono<UUID> accountOf(byte[] tokenHash);

    /** Uses a challenge up; false when it was already used (two codes sent at once) or expired. */
    Mono<Boolean> consume(byte[] tokenHash);

    /** The account's sign-ins waiting for a code end (its password or second factor changed). */
    Mono<Void> deleteAllFor(UUID accountId);
}
