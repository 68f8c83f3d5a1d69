package dev.cruxlog.billing.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A subscription's state, with the transitions allowed between them. Stripe's status (and
 * whether the subscription ends at the period end) decides the target; a move the table does
 * not allow is refused and logged, never applied.
 */
public enum SubscriptionState {

    /** Checkout finished but the first payment has not succeeded yet. */
    INCOMPLETE,
    ACTIVE,
    /** A renewal payment failed; Stripe is retrying. Premium continues, with a banner. */
    PAST_DUE,
    /** Cancelled by the climber; premium continues until the period ends. */
    CANCELING,
    CANCELED;

    private static final Map<SubscriptionState, Set<SubscriptionState>> ALLOWED = Map.of(
            INCOMPLETE, EnumSet.of(INCOMPLETE, ACTIVE, PAST_DUE, CANCELED),
            ACTIVE, EnumSet.of(ACTIVE, PAST_DUE, CANCELING, CANCELED),
            PAST_DUE, EnumSet.of(PAST_DUE, ACTIVE, CANCELING, CANCELED),
            CANCELING, EnumSet.of(CANCELING, ACTIVE, PAST_DUE, CANCELED),
            CANCELED, EnumSet.of(CANCELED));

    public boolean canMoveTo(SubscriptionState next) {
        return ALLOWED.get(this).contains(next);
    }

    /**
     * Stripe's subscription status as our state: active and trialing are active (canceling
     * when set to end at the period end), past_due and unpaid are past due, incomplete is
     * incomplete, canceled and incomplete_expired are cancelled.
     */
    public static SubscriptionState fromStripe(String status, boolean cancelAtPeriodEnd) {
        return switch (status == null ? "" : status.toLowerCase(Locale.ROOT)) {
            case "active", "trialing" -> cancelAtPeriodEnd ? CANCELING : ACTIVE;
            case "past_due", "unpaid" -> PAST_DUE;
            case "incomplete" -> INCOMPLETE;
            case "canceled", "incomplete_expired" -> CANCELED;
            case "paused" -> CANCELED;
            default -> throw new IllegalArgumentException("Unknown Stripe subscription status '" + status + "'");
        };
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SubscriptionState fromColumn(String column) {
        return valueOf(column.toUpperCase(Locale.ROOT));
    }
}
