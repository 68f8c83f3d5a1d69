package dev.cruxlog.platform.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Renders a friendly HTML error page for a browser. The web module owns the look; the
 * platform decides when a page (rather than problem+json) is the right answer.
 */
public interface ErrorPageRenderer {

    Mono<Void> render(ServerWebExchange exchange, HttpStatusCode status, String requestId);
}
