package dev.cruxlog.notifications.adapter.out.smtp;

import dev.cruxlog.notifications.application.MailTransport;
import dev.cruxlog.notifications.application.RenderedEmail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * No SMTP settings: the message is not delivered, and the log says so without its body. A
 * body may carry a password-reset or verification link, which must never reach a log
 * (issue #15); with the {@code dev} profile the dev inbox page (/dev/mail) shows the message.
 */
public class LoggingMailTransport implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger(LoggingMailTransport.class);

    @Override
    public Mono<Void> send(RenderedEmail email) {
        return Mono.fromRunnable(() -> log.info("Email to {} not sent, no SMTP server is configured (SPRING_MAIL_HOST): \"{}\"; "
                + "its body is not logged (the dev profile shows it at /dev/mail)", email.to(), email.subject()));
    }
}
