package dev.cruxlog.notifications.adapter.in.web;

import dev.cruxlog.notifications.application.EmailOutbox;
import dev.cruxlog.notifications.application.EmailRenderer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import reactor.core.publisher.Mono;

/**
 * Development only ({@code cruxlog.mail.dev-inbox=true}, on in the {@code dev} profile):
 * every email the app queued, rendered, so sign-up and reset links can be followed
 * without an SMTP server. Never enable it where real people have accounts: it shows reset
 * links to anyone, so the application refuses to start with it outside the {@code dev} and
 * {@code test} profiles, and always under {@code prod}.
 */
@Controller
@ConditionalOnBooleanProperty("cruxlog.mail.dev-inbox")
class DevInboxController {

    private final EmailOutbox outbox;
    private final EmailRenderer renderer;

    DevInboxController(EmailOutbox outbox, EmailRenderer renderer, Environment environment) {
        if (!environment.matchesProfiles("dev", "test") || environment.matchesProfiles("prod")) {
            throw new IllegalStateException("MAIL_DEV_INBOX=true shows every email, password reset links included, "
                    + "to anyone at /dev/mail; it is for the dev and test profiles only, never with prod.");
        }
        this.outbox = outbox;
        this.renderer = renderer;
    }

    @GetMapping("/dev/mail")
    Mono<String> inbox(Model model) {
        return outbox.latest(50)
                .map(stored -> {
                    var rendered = renderer.render(stored.email());
                    return new DevInboxEntry(rendered.to(), rendered.subject(),
                            stored.sentAt() == null ? "queued" : stored.sentAt().toString(), rendered.text());
                })
                .collectList()
                .map(mails -> {
                    model.addAttribute("title", "Dev inbox · Cruxlog");
                    model.addAttribute("mails", mails);
                    return "notifications/dev-inbox";
                });
    }
}
