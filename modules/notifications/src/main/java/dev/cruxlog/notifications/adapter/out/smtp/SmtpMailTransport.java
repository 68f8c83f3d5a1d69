package dev.cruxlog.notifications.adapter.out.smtp;

import java.nio.charset.StandardCharsets;

import dev.cruxlog.notifications.application.MailTransport;
import dev.cruxlog.notifications.application.RenderedEmail;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * SMTP through Jakarta Mail, which blocks on the socket. Every send runs on the scheduler
 * it is given (bounded elastic), never on an event loop.
 */
public class SmtpMailTransport implements MailTransport {

    /**
     * Jakarta Mail looks its stream provider up anew for every multipart it makes or reads (a
     * message with text and HTML makes three): a system property first, then a ServiceLoader walk
     * over every jar on the class path, 61 of 4,142 CPU samples of the app's tests on the sending
     * side alone (docs/benchmarks.md, "Thirteenth session"). Naming Angus Mail's provider skips the
     * walk; an operator's own choice is kept. A name, not a class: Angus Mail is a runtime dependency.
     */
    static final String STREAM_PROVIDER_PROPERTY = "jakarta.mail.util.StreamProvider";
    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    private final JavaMailSender sender;
    private final String from;
    private final Scheduler blocking;

    public SmtpMailTransport(JavaMailSender sender, String from, Scheduler blocking) {
        this.sender = sender;
        this.from = from;
        this.blocking = blocking;
        if (System.getProperty(STREAM_PROVIDER_PROPERTY) == null) {
            System.setProperty(STREAM_PROVIDER_PROPERTY, ANGUS_STREAM_PROVIDER);
        }
    }

    @Override
    public Mono<Void> send(RenderedEmail email) {
        return Mono.fromRunnable(() -> {
            try {
                MimeMessage message = sender.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
                helper.setFrom(from);
                helper.setTo(email.to());
                helper.setSubject(email.subject());
                helper.setText(email.text(), email.html());
                sender.send(message);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException("Could not build the message to " + email.to(), e);
            }
        }).subscribeOn(blocking).then();
    }
}
