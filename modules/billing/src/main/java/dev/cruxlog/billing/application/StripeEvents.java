package dev.cruxlog.billing.application;

import java.util.Optional;

import dev.cruxlog.billing.domain.StripeSignature;

/**
 * Out port: Stripe's event JSON read into what billing acts on. The wire format (where each
 * event type names its customer and subscription, expanded objects or ids) stays in the
 * adapter; the webhook service and job work with {@link StripeEvent}.
 */
public interface StripeEvents {

    /**
     * @param customerId     the customer the event is about, when it names one
     * @param subscriptionId the subscription it changed, when it names one (checkout sessions and
     *                       invoices name it in their own places)
     */
    record StripeEvent(String id, String type, Optional<String> customerId, Optional<String> subscriptionId) {
    }

    /** Fails with {@link StripeSignature.Invalid} when the payload is not JSON or not a Stripe event (no id or type). */
    StripeEvent read(String payload);
}
