package dev.cruxlog.identity.application;

import java.time.Duration;
import java.util.UUID;

import reactor.core.publisher.Mono;

/** Out-port: page sign-in sessions, stored by the hash of the cookie's secret. */
public interface WebSessions {

    Mono<Void> create(byte[] tokenHash, UUID accountId, Duration lifetime, String userAgent, String clientAddress);

    /** The account of a live session; extends the session when it was last seen a while ago. */
    /**
     * The account of a live session, its expiry pushed to {@code lifetime} from now; never
     * past {@code maxLifetime} from when it was opened.
     */
    Mono<UUID> resolve(byte[] tokenHash, Duration lifetime, Duration maxLifetime);

    Mono<Void> delete(byte[] tokenHash);

    Mono<Void> deleteAllFor(UUID accountId);

    /** Signs out every other device. */
    Mono<Void> deleteAllForExcept(UUID accountId, byte[] keptTokenHash);
}
