package dev.cruxlog.identity.application;

import reactor.core.publisher.Mono;

/**
 * Out-port: the generated key access tokens are signed with, shared by every instance. The
 * first instance to start stores its candidate; every instance, that one included, then uses
 * the stored key, so each verifies the others' tokens.
 */
public interface SigningSecrets {

    /** The stored key, after storing {@code candidate} if none was stored yet. */
    Mono<byte[]> getOrCreate(byte[] candidate);
}
