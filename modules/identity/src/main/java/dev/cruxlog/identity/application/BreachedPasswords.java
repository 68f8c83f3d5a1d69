package dev.cruxlog.identity.application;

import reactor.core.publisher.Mono;

/**
 * Out-port: a corpus of passwords known from data breaches (ASVS 6.2.12), asked about a new
 * password before it is accepted.
 */
public interface BreachedPasswords {

    /** What the corpus said about a password. */
    enum Verdict {
        /** In the corpus: refuse it. */
        BREACHED,
        /** Not in the corpus. */
        NOT_FOUND,
        /** The corpus could not be asked (down or slow, which the adapter logs; or turned off): the password is let through. */
        UNKNOWN
    }

    Mono<Verdict> check(String password);
}
