package dev.cruxlog.notifications.application;

import dev.cruxlog.platform.jobs.Job;
import dev.cruxlog.platform.jobs.JobHandler;
import dev.cruxlog.platform.jobs.JobPayloads;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Delivers one outbox row. Idempotent: a row already sent is skipped, so a retry after a
 * crash between "sent" and "marked" sends at most one duplicate, never loses a message.
 */
@Component
class DeliverEmailJob implements JobHandler {

    static final String KIND = "notifications.deliver-email";

    private final EmailOutbox outbox;
    private final EmailRenderer renderer;
    private final MailTransport transport;
    private final JobPayloads payloads;

    /** The development inbox shows sent emails with their links; nothing else needs them after delivery. */
    private final boolean keepLinks;

    DeliverEmailJob(EmailOutbox outbox, EmailRenderer renderer, MailTransport transport, JobPayloads payloads,
                    @Value("${cruxlog.mail.dev-inbox:false}") boolean devInbox) {
        this.outbox = outbox;
        this.renderer = renderer;
        this.transport = transport;
        this.payloads = payloads;
        this.keepLinks = devInbox;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Mono<Void> handle(Job job) {
        long id = payloads.read(job, Payload.class).outboxId();
        return outbox.find(id)
                .filter(stored -> stored.sentAt() == null)
                .flatMap(stored -> transport.send(renderer.render(stored.email()))
                        .then(outbox.markSent(id, keepLinks))
                        .onErrorResume(error -> outbox.recordFailure(id, error.toString()).then(Mono.error(error))));
    }

    record Payload(long outboxId) {
    }
}
