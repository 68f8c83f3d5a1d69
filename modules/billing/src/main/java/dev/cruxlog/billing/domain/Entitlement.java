package dev.cruxlog.billing.domain;

import java.time.Instant;

/**
 * Who gets premium: a subscription that is active, past due (while Stripe retries the card)
 * or cancelled-to-end-at-period-end, and whose paid period has not ended. Nothing else, and
 * in particular never a checkout's success page.
 */
public final class Entitlement {

    private Entitlement() {
    }

    public static boolean premium(SubscriptionState state, Instant currentPeriodEnd, Instant now) {
        boolean paying = state == SubscriptionState.ACTIVE || state == SubscriptionState.PAST_DUE
                || state == SubscriptionState.CANCELING;
        return paying && (currentPeriodEnd == null || currentPeriodEnd.isAfter(now));
    }
}
