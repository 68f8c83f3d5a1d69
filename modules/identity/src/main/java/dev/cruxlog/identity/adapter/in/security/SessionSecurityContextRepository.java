package dev.cruxlog.identity.adapter.in.security;

import dev.cruxlog.identity.application.SignInService;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Page sessions live in PostgreSQL, not in memory: they survive restarts and work across
 * any number of app instances. Each request with the cookie costs one query.
 * Sessions are opened and closed by the sign-in pages, not here.
 */
@Component
class SessionSecurityContextRepository implements ServerSecurityContextRepository {

    private final SignInService signIn;
    private final SessionCookies cookies;

    SessionSecurityContextRepository(SignInService signIn, SessionCookies cookies) {
        this.signIn = signIn;
        this.cookies = cookies;
    }

    @Override
    public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
        return Mono.empty();
    }

    @Override
    public Mono<SecurityContext> load(ServerWebExchange exchange) {
        return Mono.justOrEmpty(cookies.read(exchange))
                .flatMap(secret -> signIn.resolveSession(secret)
                        .doOnNext(user -> exchange.getAttributes().put(SessionCookies.CURRENT_SESSION, secret)))
                .map(user -> new SecurityContextImpl(new CruxlogAuthentication(user)));
    }
}
