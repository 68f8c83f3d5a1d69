package dev.cruxlog.web.adapter.in.web;

import java.util.Locale;

import gg.jte.TemplateEngine;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.result.view.View;
import org.springframework.web.reactive.result.view.ViewResolver;
import reactor.core.publisher.Mono;

/**
 * Resolves every page view to its module's template wrapped in the Cruxlog layout.
 *
 * <p>Modules own their page templates ({@code src/main/jte/<module>/...}) and render
 * only the page's content; the web module owns the layout around it. Neither compiles
 * against the other's templates, which is what lets each module precompile its own.
 */
@Component
class LayoutViewResolver implements ViewResolver, Ordered {

    private final TemplateEngine templates;

    LayoutViewResolver(TemplateEngine templates) {
        this.templates = templates;
    }

    @Override
    public Mono<View> resolveViewName(String viewName, Locale locale) {
        String template = viewName + ".jte";
        if (viewName.startsWith("layout/") || !templates.hasTemplate(template)) {
            return Mono.empty();
        }
        return Mono.just(new LayoutView(templates, template));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
