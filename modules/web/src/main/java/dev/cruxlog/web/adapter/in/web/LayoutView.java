package dev.cruxlog.web.adapter.in.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import dev.cruxlog.platform.Zip;
import dev.cruxlog.platform.web.PageNotices;
import dev.cruxlog.platform.web.SignedInUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.reactive.result.view.AbstractView;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Renders a module's page template, then the layout around it. The page's title and
 * description come from the model attributes {@code title} and {@code description}.
 */
class LayoutView extends AbstractView {

    static final String DEFAULT_DESCRIPTION =
            "Cruxlog: your whole climbing logbook, with performance pyramids, progression and a coach.";
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final TemplateEngine templates;
    private final String template;
    private final List<PageNotices> notices;

    LayoutView(TemplateEngine templates, String template, List<PageNotices> notices) {
        this.templates = templates;
        this.template = template;
        this.notices = notices;
        setSupportedMediaTypes(List.of(HTML));
    }

    /**
     * Gives the page template the CSRF token its forms must carry, as the model attribute
     * {@code csrf} (templates declare {@code @param CsrfToken csrf}). Added here, when a page
     * renders, rather than by a {@code @ControllerAdvice} model attribute: such an advice runs
     * for every handler, the JSON API's too, and cost the ticks page a model attribute method
     * invocation (with its argument resolver cache) per request (docs/benchmarks.md).
     */
    @Override
    protected Mono<Void> renderInternal(Map<String, Object> model, MediaType contentType, ServerWebExchange exchange) {
        Mono<Optional<SignedInUser>> user = exchange.getPrincipal()
                .map(principal -> principal instanceof Authentication authentication
                        && authentication.getPrincipal() instanceof SignedInUser signedIn ? Optional.of(signedIn)
                        : Optional.<SignedInUser>empty())
                .defaultIfEmpty(Optional.empty());
        Mono<CsrfToken> pendingToken = exchange.getAttribute(CsrfToken.class.getName());
        Mono<Optional<CsrfToken>> csrf = pendingToken == null ? Mono.just(Optional.empty())
                : pendingToken.map(Optional::of).defaultIfEmpty(Optional.empty());
        // A module's notice that fails must not take the page down with it.
        Mono<List<PageNotices.Notice>> pageNotices = user.flatMap(signedIn -> signedIn.isEmpty() ? Mono.just(List.of())
                : Flux.fromIterable(notices).concatMap(source -> source.forUser(signedIn.get()).onErrorResume(e -> Flux.empty()))
                        .collectList());
        return Zip.of(user, csrf, pageNotices, (signedIn, pendingCsrf, shownNotices) -> {
            CsrfToken token = pendingCsrf.orElse(null);
            Map<String, Object> pageModel = model;
            if (token != null && !model.containsKey("csrf")) {
                pageModel = new HashMap<>(model);
                pageModel.put("csrf", token);
            }
            // The page renders straight into the layout's UTF-8 output where the layout places it.
            // Rendered first into a String, a 100 KB page was built in a growing UTF-16 buffer
            // (one '·' is enough to widen it), copied, then encoded: 58 % of the dashboard's
            // allocation in a JFR profile (issue #17's S4).
            Map<String, Object> pageParameters = pageModel;
            Content content = output -> templates.render(template, pageParameters, output);
            PageMeta meta = PageMeta.of(text(model, "title", "Cruxlog"), text(model, "description", DEFAULT_DESCRIPTION));
            Navigation navigation = signedIn
                    .map(current -> new Navigation(current.displayName(), current.needsEmailVerification(), token,
                            shownNotices))
                    .orElseGet(() -> Navigation.anonymous(token));
            Utf8ByteOutput output = new Utf8ByteOutput();
            templates.render("layout/page.jte", Map.of("page", meta, "nav", navigation, "content", content), output);
            exchange.getResponse().getHeaders().setContentType(HTML);
            DataBuffer buffer = exchange.getResponse().bufferFactory().allocateBuffer(output.getContentLength());
            try {
                output.writeTo(buffer.asOutputStream());
            } catch (IOException e) {
                DataBufferUtils.release(buffer);
                return Mono.<Void>error(new UncheckedIOException(e));
            }
            return exchange.getResponse().writeWith(Mono.just(buffer));
        }).flatMap(writing -> writing);
    }

    private static String text(Map<String, Object> model, String key, String fallback) {
        Object value = model.get(key);
        return value == null ? fallback : value.toString();
    }
}
