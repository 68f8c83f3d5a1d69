package dev.cruxlog.identity.web;

import java.util.UUID;

import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** "Try it with a sample logbook": a throwaway account, signed in at once in this browser. */
public interface GuestAccounts {

    /** Creates a verified guest account and gives this exchange its session cookie; answers the account id. */
    Mono<UUID> startGuestSession(ServerWebExchange exchange);
}
