package dev.cruxlog.platform.web;

import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;

/** Tells a browser navigating to a page from an API client, so each gets the answer it can use. */
public final class BrowserRequests {

    private BrowserRequests() {
    }

    /** A page request: not the API, the actuator or the docs, and the client asks for HTML. */
    public static boolean wantsPage(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/v3/api-docs")) {
            return false;
        }
        return exchange.getRequest().getHeaders().getAccept().stream()
                .anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
    }
}
