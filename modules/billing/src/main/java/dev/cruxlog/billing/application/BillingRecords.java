package dev.cruxlog.billing.application;

import java.time.Instant;
import java.util.UUID;

import dev.cruxlog.billing.domain.SubscriptionState;
import reactor.core.publisher.Mono;

/** Out-port: customers, subscriptions and webhook events. Every per-climber method is scoped by owner. */
public interface BillingRecords {

    Mono<String> customerOf(UUID owner);

    Mono<UUID> ownerOfCustomer(String customerId);

    /** Keeps the first customer recorded for the owner; returns the one kept. */
    Mono<String> saveCustomer(UUID owner, String customerId);

    Mono<Subscription> subscription(UUID owner);

    Mono<Void> saveSubscription(UUID owner, Subscription subscription);

    /** True when the event id is new (and now recorded); false for a repeat delivery. */
    Mono<Boolean> recordEvent(String eventId, String type, String payload);

    Mono<String> eventPayload(String eventId);

    Mono<Void> eventProcessed(String eventId, String outcome);

    Mono<String> eventOutcome(String eventId);

    /** Removes the owner's customer and subscription rows and the webhook events about that customer. */
    Mono<Void> eraseOwnedBy(UUID owner);

    record Subscription(String subscriptionId, String plan, SubscriptionState state, String stripeStatus,
                        Instant currentPeriodEnd, boolean cancelAtPeriodEnd) {
    }
}
