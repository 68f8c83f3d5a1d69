package dev.cruxlog.identity.adapter.in.web;

import java.util.UUID;

import dev.cruxlog.identity.web.GuestAccounts;
import dev.cruxlog.identity.application.IdentityErrors.TooManyAttempts;
import dev.cruxlog.identity.application.RegistrationService;
import dev.cruxlog.platform.web.ClientAddresses;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@Component
class GuestSessions implements GuestAccounts {

    private final RegistrationService registration;
    private final BrowserSessions sessions;
    private final ClientAddresses clients;

    GuestSessions(RegistrationService registration, BrowserSessions sessions, ClientAddresses clients) {
        this.registration = registration;
        this.sessions = sessions;
        this.clients = clients;
    }

    @Override
    public Mono<UUID> startGuestSession(ServerWebExchange exchange) {
        return registration.createGuest(clients.of(exchange))
                // Callers outside identity see a web error, not identity's own exception type.
                .onErrorMap(TooManyAttempts.class, busy -> new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS,
                        "Too many sample logbooks were opened from your network just now. Please try again later."))
                .flatMap(id -> sessions.begin(id, exchange).thenReturn(id));
    }
}
