package dev.cruxlog.billing.application;

import dev.cruxlog.platform.jobs.Job;
import dev.cruxlog.platform.jobs.JobHandler;
import dev.cruxlog.platform.jobs.JobPayloads;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Cancels the Stripe subscription of an erased account; retried by the queue until Stripe answers. */
@Component
class CancelSubscriptionJob implements JobHandler {

    private final StripeApi stripe;
    private final JobPayloads payloads;

    CancelSubscriptionJob(StripeApi stripe, JobPayloads payloads) {
        this.stripe = stripe;
        this.payloads = payloads;
    }

    record Payload(String subscriptionId) {
    }

    @Override
    public String kind() {
        return BillingErasure.CANCEL_JOB;
    }

    @Override
    public Mono<Void> handle(Job job) {
        return stripe.cancelSubscription(payloads.read(job, Payload.class).subscriptionId());
    }
}
