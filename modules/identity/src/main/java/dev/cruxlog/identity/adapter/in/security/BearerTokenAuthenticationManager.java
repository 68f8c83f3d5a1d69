package dev.cruxlog.identity.adapter.in.security;

import dev.cruxlog.identity.application.AccessTokens;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import reactor.core.publisher.Mono;

/** {@code Authorization: Bearer <access token>}: verified by signature and expiry, no database call. */
class BearerTokenAuthenticationManager implements ReactiveAuthenticationManager {

    private final AccessTokens tokens;

    BearerTokenAuthenticationManager(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        return tokens.verify(token)
                .<Authentication>map(grant -> new CruxlogAuthentication(grant.user(), grant.issuedAt()))
                .onErrorMap(error -> !(error instanceof BadCredentialsException),
                        error -> new BadCredentialsException("Invalid or expired access token", error));
    }
}
