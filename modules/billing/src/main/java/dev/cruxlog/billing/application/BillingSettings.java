package dev.cruxlog.billing.application;

import java.util.List;
import java.util.Optional;

/**
 * Whether billing is on, and its plans. On only when Stripe's secret key, the webhook secret
 * and at least one plan's price id are all set; otherwise every endpoint says billing is off.
 *
 * @param plans     the plans with a price id, in configuration order
 * @param publicUrl where climbers reach Cruxlog; Stripe sends them back there
 * @param webhookSecret the endpoint's signing secret ({@code whsec_...})
 * @param webhookTolerance how far a signature's timestamp may be from now
 */
public record BillingSettings(boolean enabled, List<Plan> plans, String publicUrl, String webhookSecret,
                              java.time.Duration webhookTolerance) {

    public BillingSettings {
        plans = List.copyOf(plans);
    }

    public Optional<Plan> plan(String id) {
        return plans.stream().filter(plan -> plan.id().equalsIgnoreCase(id == null ? "" : id.trim())).findFirst();
    }

    public Optional<Plan> byPriceId(String priceId) {
        return plans.stream().filter(plan -> plan.priceId().equals(priceId)).findFirst();
    }
}
