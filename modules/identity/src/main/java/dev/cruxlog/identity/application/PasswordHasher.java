package dev.cruxlog.identity.application;

import reactor.core.publisher.Mono;

/** Out-port: slow, salted password hashing, always computed off the event loop. */
public interface PasswordHasher {

    Mono<String> hash(String rawPassword);

    Mono<Boolean> matches(String rawPassword, String hash);

    /** Spends the same time as {@link #matches} for an account that does not exist. */
    Mono<Boolean> matchesNothing(String rawPassword);
}
