package dev.cruxlog.web.adapter.in.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.cruxlog.platform.web.ErrorPageRenderer;
import gg.jte.TemplateEngine;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Friendly error pages for browsers, in the same layout as every other page. */
@Component
class JteErrorPageRenderer implements ErrorPageRenderer {

    private final TemplateEngine templates;

    JteErrorPageRenderer(TemplateEngine templates) {
        this.templates = templates;
    }

    @Override
    public Mono<Void> render(ServerWebExchange exchange, HttpStatusCode status, String requestId) {
        Map<String, Object> model = Map.of("status", status.value(), "title", titleFor(status),
                "message", messageFor(status), "requestId", requestId);
        // No module notices on error pages: they may be rendered while the database is down.
        return new LayoutView(templates, "web/error.jte", java.util.List.of())
                .render(model, new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8), exchange);
    }

    static String titleFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> "Page not found";
            case 403 -> "Not allowed";
            case 429 -> "Slow down a little";
            case 503 -> "Back in a moment";
            default -> status.is4xxClientError() ? "That did not work" : "Something went wrong";
        };
    }

    static String messageFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> "We looked everywhere on the wall and could not find that page.";
            case 403 -> "You do not have access to this page. If you were filling in a form, reload it and try again.";
            case 429 -> "Too many attempts in a short time. Please wait a few minutes and try again.";
            case 503 -> "Cruxlog cannot reach its database right now. Your logbook is safe; please try again shortly.";
            default -> status.is4xxClientError()
                    ? "The request could not be handled. Check the address or go back and try again."
                    : "Something broke on our side. We have logged it; please try again.";
        };
    }
}
