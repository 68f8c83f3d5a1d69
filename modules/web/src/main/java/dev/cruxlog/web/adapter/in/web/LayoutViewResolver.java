package dev.cruxlog.web.adapter.in.web;

import java.util.List;
import java.util.Locale;

import dev.cruxlog.platform.web.PageNotices;
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
    private final List<PageNotices> notices;

    LayoutViewResolver(TemplateEngine templates, List<PageNotices> notices) {
        this.templates = templates;
        this.notices = List.copyOf(notices);
    }

    @Override
    public Mono<View> resolveViewName(String viewName, Locale locale) {
        String template = viewName + ".jte";
        if (viewName.startsWith("layout/") || !templates.hasTemplate(template)) {
            return Mono.empty();
        }
        return Mono.just(new LayoutView(templates, template, notices));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
