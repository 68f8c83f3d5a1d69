package dev.cruxlog.web.adapter.in.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.cruxlog.platform.web.ErrorPageRenderer;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Friendly error pages for browsers, rendered from the precompiled {@code error.jte}. */
@Component
class JteErrorPageRenderer implements ErrorPageRenderer {

    private final TemplateEngine templates;

    JteErrorPageRenderer(TemplateEngine templates) {
        this.templates = templates;
    }

    @Override
    public Mono<Void> render(ServerWebExchange exchange, HttpStatusCode status, String requestId) {
        return Mono.fromCallable(() -> {
            Utf8ByteOutput output = new Utf8ByteOutput();
            templates.render("error.jte", Map.of("page", PageMeta.of(titleFor(status), messageFor(status)),
                    "status", status.value(), "message", messageFor(status), "requestId", requestId), output);
            DataBuffer buffer = exchange.getResponse().bufferFactory().allocateBuffer(output.getContentLength());
            output.writeTo(buffer.asOutputStream());
            return buffer;
        }).flatMap(buffer -> {
            exchange.getResponse().getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
            return exchange.getResponse().writeWith(Mono.just(buffer));
        });
    }

    static String titleFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> "Page not found";
            case 403 -> "Not allowed";
            case 503 -> "Back in a moment";
            default -> status.is4xxClientError() ? "That did not work" : "Something went wrong";
        };
    }

    static String messageFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> "We looked everywhere on the wall and could not find that page.";
            case 403 -> "You do not have access to this page.";
            case 503 -> "Cruxlog cannot reach its database right now. Your logbook is safe; please try again shortly.";
            default -> status.is4xxClientError()
                    ? "The request could not be handled. Check the address or go back and try again."
                    : "Something broke on our side. We have logged it; please try again.";
        };
    }
}
