package cruxlogfixtures.modules.alpha;

import org.springframework.web.server.ServerWebExchange;

/** A module's main API asking for a browser's exchange, as identity's GuestAccounts once did. */
public interface PlantedExchangeInModuleApi {
    void startSession(ServerWebExchange exchange);
}
