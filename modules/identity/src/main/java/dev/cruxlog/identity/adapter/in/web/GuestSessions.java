package dev.cruxlog.identity.adapter.in.web;

import java.util.UUID;

import dev.cruxlog.identity.GuestAccounts;
import dev.cruxlog.identity.adapter.in.security.SessionCookies;
import dev.cruxlog.identity.application.IdentityErrors.TooManyAttempts;
import dev.cruxlog.identity.application.RegistrationService;
import dev.cruxlog.identity.application.SignInService;
import dev.cruxlog.platform.web.ClientAddresses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@Component
class GuestSessions implements GuestAccounts {

    private final RegistrationService registration;
    private final SignInService signIn;
    private final SessionCookies cookies;
    private final ClientAddresses clients;

    GuestSessions(RegistrationService registration, SignInService signIn, SessionCookies cookies,
                  ClientAddresses clients) {
        this.registration = registration;
        this.signIn = signIn;
        this.cookies = cookies;
        this.clients = clients;
    }

    @Override
    public Mono<UUID> startGuestSession(ServerWebExchange exchange) {
        return registration.createGuest(clients.of(exchange))
                // Callers outside identity see a web error, not identity's own exception type.
                .onErrorMap(TooManyAttempts.class, busy -> new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS,
                        "Too many sample logbooks were opened from your network just now. Please try again later."))
                // As at sign-in, the browser's previous session ends with the new one (ASVS 7.2.4).
                .flatMap(id -> Mono.justOrEmpty(cookies.read(exchange)).flatMap(signIn::closeSession)
                        .then(signIn.openSession(id, exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT),
                                clients.of(exchange)))
                        .map(session -> {
                            cookies.write(exchange, session.value());
                            return id;
                        }));
    }
}
