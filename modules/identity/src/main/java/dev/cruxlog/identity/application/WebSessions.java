package dev.cruxlog.identity.application;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Out-port: page sign-in sessions, stored by the hash of the cookie's secret. */
public interface WebSessions {

    Mono<Void> create(byte[] tokenHash, UUID accountId, Duration lifetime, String userAgent, String clientAddress);

    /**
     * The account of a live session, its expiry pushed to {@code lifetime} from now; never
     * past {@code maxLifetime} from when it was opened.
     */
    Mono<UUID> resolve(byte[] tokenHash, Duration lifetime, Duration maxLifetime);

    Mono<Void> delete(byte[] tokenHash);

    Mono<Void> deleteAllFor(UUID accountId);

    /** Signs out every other device. */
    Mono<Void> deleteAllForExcept(UUID accountId, byte[] keptTokenHash);

    /** The account's live sessions, newest use first; {@code current} marks the one holding {@code currentTokenHash}. */
    Flux<PageSession> listFor(UUID accountId, byte[] currentTokenHash, Duration maxLifetime);

    /** Ends one of the account's sessions; false when it has none by that id. */
    Mono<Boolean> deleteOne(UUID accountId, UUID sessionId);

    record PageSession(UUID id, Instant startedAt, Instant lastSeenAt, Instant expiresAt, String userAgent,
                       String clientAddress, boolean current) {
    }
}
