package dev.cruxlog.identity.adapter.in.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import dev.cruxlog.identity.application.AccessTokens;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import reactor.core.publisher.Mono;

/** {@code Authorization: Bearer <access token>}: verified by signature and expiry, no database call. */
class BearerTokenAuthenticationManager implements ReactiveAuthenticationManager {

    private final AccessTokens tokens;
    /** METRICS_TOKEN's bytes, or null when metrics are for administrators only. */
    private final byte[] metricsToken;

    BearerTokenAuthenticationManager(AccessTokens tokens, String metricsToken) {
        this.tokens = tokens;
        this.metricsToken = metricsToken == null || metricsToken.isBlank() ? null
                : metricsToken.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        if (metricsToken != null && MessageDigest.isEqual(metricsToken, token.getBytes(StandardCharsets.UTF_8))) {
            return Mono.just(new MetricsScraper());
        }
        return tokens.verify(token)
                .<Authentication>map(grant -> new CruxlogAuthentication(grant.user(), grant.issuedAt()))
                .onErrorMap(error -> !(error instanceof BadCredentialsException),
                        error -> new BadCredentialsException("Invalid or expired access token", error));
    }
}
