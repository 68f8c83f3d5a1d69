package dev.cruxlog.identity.application;

import java.time.Duration;

import dev.cruxlog.identity.CurrentUser;
import reactor.core.publisher.Mono;

/** Out-port: short-lived signed access tokens for the API. */
public interface AccessTokens {

    Mono<String> issue(CurrentUser user, Duration lifetime);

    /** What a valid token grants; an error for a forged, expired or malformed one. */
    Mono<AccessGrant> verify(String token);
}
