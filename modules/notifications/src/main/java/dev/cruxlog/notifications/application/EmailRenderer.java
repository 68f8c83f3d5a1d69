package dev.cruxlog.notifications.application;

import java.util.Map;

import dev.cruxlog.notifications.Email;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.springframework.stereotype.Component;

/**
 * Renders both bodies of an email from precompiled JTE templates: HTML from
 * {@code src/main/jte/notifications/email}, plain text from
 * {@code src/main/jte-text/notifications/email} (compiled with the plain content type, so
 * nothing in it is HTML-escaped).
 */
@Component
public class EmailRenderer {

    static final String TEXT_PACKAGE = "gg.jte.generated.precompiled.text";

    private final TemplateEngine html = TemplateEngine.createPrecompiled(ContentType.Html);
    private final TemplateEngine text = TemplateEngine.createPrecompiled(null, ContentType.Plain, null, TEXT_PACKAGE);

    public RenderedEmail render(Email email) {
        String name = "notifications/email/" + email.template().templateName() + ".jte";
        Map<String, Object> params = Map.of("email", email);
        StringOutput htmlBody = new StringOutput();
        html.render(name, params, htmlBody);
        StringOutput textBody = new StringOutput();
        text.render(name, params, textBody);
        return new RenderedEmail(email.to(), email.template().subject(), htmlBody.toString(), textBody.toString());
    }
}
