package dev.cruxlog.identity.application;

import dev.cruxlog.identity.domain.SecretToken;
import reactor.core.publisher.Mono;

/** Out-port: fresh 256-bit secrets from a SecureRandom (which may read /dev/urandom: off the event loop). */
public interface RandomTokens {

    Mono<SecretToken> next();

    /** A random (version 4) UUID; {@code UUID.randomUUID()} would also read SecureRandom on the caller's thread. */
    Mono<java.util.UUID> nextId();

    /** Random bytes for keys and codes that are not bearer tokens (a TOTP key, recovery codes). */
    Mono<byte[]> nextBytes(int count);
}
