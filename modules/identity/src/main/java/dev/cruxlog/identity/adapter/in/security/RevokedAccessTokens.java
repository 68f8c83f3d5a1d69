package dev.cruxlog.identity.adapter.in.security;

import dev.cruxlog.identity.application.AccessTokenCutoffs;
import dev.cruxlog.identity.application.SignInService;
import dev.cruxlog.platform.web.ProblemWriter;
import dev.cruxlog.platform.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * An access token is a signed promise for 15 minutes, checked without the database. For
 * anything that changes data, that is not enough: after sign-out, a password change, a
 * deactivation or a deletion, the old token created ticks, conversations and profiles under
 * an account that no longer existed (issue #15). So every write made with an access token
 * asks the database, once, whether the account still accepts tokens issued at that time; if
 * not, 401. Reads stay free of that round trip (the ticks page is the hot path), and page
 * sessions need no check: they are looked up on every request and deleted with the account.
 */
final class RevokedAccessTokens implements WebFilter {

    private final SignInService signIn;
    private final ProblemWriter problems;
    private final AccessTokenCutoffs cutoffs;

    RevokedAccessTokens(SignInService signIn, ProblemWriter problems, AccessTokenCutoffs cutoffs) {
        this.signIn = signIn;
        this.problems = problems;
        this.cutoffs = cutoffs;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        boolean writes = writes(exchange.getRequest().getMethod());
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(CruxlogAuthentication.class::isInstance)
                .cast(CruxlogAuthentication.class)
                .filter(authentication -> authentication.tokenIssuedAt() != null)
                // Reads ask this instance's memory of recent cutoffs, so the ticks page keeps its
                // single round trip; writes ask the database, which is the truth.
                .flatMap(token -> writes ? signIn.acceptsAccessToken(token.getPrincipal().id(), token.tokenIssuedAt())
                        : Mono.just(!cutoffs.refuses(token.getPrincipal().id(), token.tokenIssuedAt())))
                .defaultIfEmpty(true)
                .flatMap(accepted -> accepted ? chain.filter(exchange) : revoked(exchange));
    }

    private static boolean writes(HttpMethod method) {
        return !(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method));
    }

    private Mono<Void> revoked(ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "This access token was revoked: "
                + "the account signed out, changed its password, or was deactivated or deleted. Sign in again.");
        problem.setTitle("Authentication required");
        problem.setType(Problems.type("unauthenticated"));
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, problem);
    }
}
