package dev.cruxlog.billing.application;

import java.time.Clock;

import dev.cruxlog.billing.domain.StripeSignature;
import dev.cruxlog.platform.jobs.JobQueue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Receives Stripe's webhooks: verifies the signature over the raw body, records each event id
 * once and queues it, all in one transaction, and answers at once. The work (fetching the
 * subscription, changing state and tier) happens in {@link WebhookJob}.
 */
@Service
public class WebhookService {

    static final String JOB_KIND = "billing.webhook";

    private final BillingSettings settings;
    private final BillingRecords records;
    private final JobQueue jobs;
    private final TransactionalOperator transaction;
    private final StripeEvents events;
    private final Clock clock;

    public WebhookService(BillingSettings settings, BillingRecords records, JobQueue jobs, TransactionalOperator transaction,
                          StripeEvents events, Clock clock) {
        this.settings = settings;
        this.records = records;
        this.jobs = jobs;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
    }

    /** @param duplicate true when the event id had been received before (acknowledged, ignored) */
    public record Receipt(String eventId, boolean duplicate) {
    }

    /** Fails with {@link StripeSignature.Invalid} (answered 400) before anything is stored. */
    public Mono<Receipt> receive(byte[] payload, String signatureHeader) {
        return Mono.defer(() -> {
            if (!settings.enabled()) {
                return Mono.error(new BillingUnavailable("Billing is off on this Cruxlog."));
            }
            StripeSignature.verify(payload, signatureHeader, settings.webhookSecret(), clock.instant(),
                    settings.webhookTolerance());
            String text = new String(payload, java.nio.charset.StandardCharsets.UTF_8);
            StripeEvents.StripeEvent event = events.read(text);
            return transaction.transactional(records.recordEvent(event.id(), event.type(), text)
                    .flatMap(isNew -> isNew ? jobs.enqueue(JOB_KIND, new WebhookJob.Payload(event.id()))
                            .thenReturn(new Receipt(event.id(), false)) : Mono.just(new Receipt(event.id(), true))));
        });
    }
}
