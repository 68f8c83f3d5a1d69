package dev.cruxlog.billing.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether what Stripe now says about a subscription may replace what billing has stored.
 * Webhooks arrive late, twice and out of order, so the answer depends on the state machine
 * and on which subscription the stored one is.
 */
public final class SubscriptionChange {

    private SubscriptionChange() {
    }

    /**
     * The stored subscription, as far as this decision needs it.
     *
     * @param currentPeriodEnd null when Stripe gave none
     */
    public record Stored(String subscriptionId, SubscriptionState state, Instant currentPeriodEnd) {
    }

    /**
     * @param stored   what billing has, or null for a climber without a subscription yet
     * @param incoming the subscription Stripe reports
     * @param target   its state in billing's terms
     * @return why the report must not be applied, or empty when it may
     */
    public static Optional<String> refusal(Stored stored, String incoming, SubscriptionState target, Instant now) {
        if (stored == null) {
            return Optional.empty();
        }
        boolean same = stored.subscriptionId().equals(incoming);
        if (same && !stored.state().canMoveTo(target)) {
            return Optional.of("refused: " + stored.state().id() + " -> " + target.id() + " is not an allowed transition");
        }
        if (!same && target == SubscriptionState.CANCELED
                && Entitlement.premium(stored.state(), stored.currentPeriodEnd(), now)) {
            return Optional.of("ignored: an ended subscription " + incoming + " does not replace the current one");
        }
        return Optional.empty();
    }
}
