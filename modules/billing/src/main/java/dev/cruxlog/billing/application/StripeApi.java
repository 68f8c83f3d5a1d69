package dev.cruxlog.billing.application;

import java.time.Instant;
import java.util.UUID;

import reactor.core.publisher.Mono;

/** Out-port: the few Stripe REST calls billing needs. Failures are {@link BillingUnavailable}. */
public interface StripeApi {

    Mono<String> createCustomer(UUID owner, String email, String idempotencyKey);

    Mono<CheckoutSession> createCheckoutSession(CheckoutRequest request, String idempotencyKey);

    /** The subscription as Stripe has it now; empty when Stripe does not know it. */
    Mono<StripeSubscription> subscription(String subscriptionId);

    Mono<String> createPortalSession(String customerId, String returnUrl);

    /** Cancels at once (an erased account must not be charged again). */
    Mono<Void> cancelSubscription(String subscriptionId);

    record CheckoutRequest(String customerId, String priceId, UUID owner, String plan, String successUrl, String cancelUrl) {
    }

    record CheckoutSession(String id, String url) {
    }

    /**
     * @param currentPeriodEnd when the paid period ends (Stripe moved it onto the subscription
     *                         items in 2025; either place is read)
     */
    record StripeSubscription(String id, String customerId, String status, boolean cancelAtPeriodEnd,
                              Instant currentPeriodEnd, String priceId) {
    }
}
