package dev.cruxlog.identity.adapter.in.web;

import java.util.UUID;

import dev.cruxlog.identity.adapter.in.security.SessionCookies;
import dev.cruxlog.identity.application.SignInService;
import dev.cruxlog.platform.web.ClientAddresses;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Starts a browser session for an account: at sign-in, at sign-up and for a guest. The session
 * this browser had (another climber's, or a guest's) ends here rather than living on unseen for
 * its 14 days beside the new one (ASVS 7.2.4).
 */
@Component
class BrowserSessions {

    private final SignInService signIn;
    private final SessionCookies cookies;
    private final ClientAddresses clients;

    BrowserSessions(SignInService signIn, SessionCookies cookies, ClientAddresses clients) {
        this.signIn = signIn;
        this.cookies = cookies;
        this.clients = clients;
    }

    Mono<Void> begin(UUID accountId, ServerWebExchange exchange) {
        return Mono.justOrEmpty(cookies.read(exchange)).flatMap(signIn::closeSession)
                .then(signIn.openSession(accountId, exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT),
                        clients.of(exchange)))
                .doOnNext(session -> cookies.write(exchange, session.value()))
                .then();
    }
}
