package dev.cruxlog.identity.application;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Out-port: API refresh tokens. Tokens of one sign-in form a family; using a token
 * rotates it (the old one is spent), and presenting a spent token revokes the family.
 */
public interface RefreshTokens {

    /**
     * A new token of the family, valid for {@code lifetime} unused, but never past
     * {@code familyLifetime} from the family's first token (the sign-in it rotates from).
     */
    Mono<Void> insert(byte[] tokenHash, UUID familyId, UUID accountId, Duration lifetime, Duration familyLifetime);

    Mono<Stored> find(byte[] tokenHash);

    /** Spends the token; false when it was already spent (a concurrent use or a replay). */
    Mono<Boolean> spend(byte[] tokenHash);

    Mono<Void> revokeFamily(UUID familyId);

    Mono<Void> revokeAllFor(UUID accountId);

    /** The account's API sign-ins that can still refresh, most recently used first. */
    Flux<ApiSignIn> liveFamilies(UUID accountId);

    /** Revokes one of the account's sign-ins; false when it has no live one by that id. */
    Mono<Boolean> revokeFamilyOf(UUID accountId, UUID familyId);

    record ApiSignIn(UUID familyId, Instant startedAt, Instant lastUsedAt, Instant expiresAt) {
    }

    record Stored(UUID familyId, UUID accountId, OffsetDateTime expiresAt, boolean spent, boolean revoked) {
    }
}
