package dev.cruxlog.identity.application;

import java.time.Duration;

import dev.cruxlog.identity.CurrentUser;
import reactor.core.publisher.Mono;

/** Out-port: short-lived signed access tokens for the API. */
public interface AccessTokens {

    Mono<String> issue(CurrentUser user, Duration lifetime);

    /** The user a valid token speaks for; an error for a forged, expired or malformed one. */
    Mono<CurrentUser> verify(String token);
}
