package dev.cruxlog.notifications.adapter.out.smtp;

import dev.cruxlog.notifications.application.MailTransport;
import dev.cruxlog.notifications.application.RenderedEmail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** Development without SMTP settings: the message goes to the log (and the dev inbox page). */
public class LoggingMailTransport implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger(LoggingMailTransport.class);

    @Override
    public Mono<Void> send(RenderedEmail email) {
        return Mono.fromRunnable(() -> log.info("Email (no SMTP configured) to {}: {}\n{}", email.to(), email.subject(),
                email.text()));
    }
}
