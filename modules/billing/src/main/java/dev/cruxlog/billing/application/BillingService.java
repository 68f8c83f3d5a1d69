package dev.cruxlog.billing.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.cruxlog.billing.domain.Entitlement;
import dev.cruxlog.coach.CoachAllowance;
import dev.cruxlog.identity.Accounts;
import dev.cruxlog.identity.Tier;
import dev.cruxlog.platform.InvalidInput;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What a climber can buy and has bought. Checkout and the customer portal only open Stripe's
 * pages; nothing here grants premium (only {@link WebhookJob} does, from Stripe's own state).
 */
@Service
public class BillingService {

    private final BillingSettings settings;
    private final StripeApi stripe;
    private final BillingRecords records;
    private final Accounts accounts;
    private final CoachAllowance coach;
    private final Clock clock;

    public BillingService(BillingSettings settings, StripeApi stripe, BillingRecords records, Accounts accounts,
                          CoachAllowance coach, Clock clock) {
        this.settings = settings;
        this.stripe = stripe;
        this.records = records;
        this.accounts = accounts;
        this.coach = coach;
        this.clock = clock;
    }

    /** What a tier includes, from the modules that own each number. */
    public record Entitlements(String tier, int coachQuestionsPerDay, String coach) {
    }

    public record PlanView(String id, String displayName, BigDecimal monthlyPrice, String currency, Entitlements entitlements) {
    }

    public record Plans(boolean enabled, Entitlements free, List<PlanView> plans) {
    }

    /**
     * @param state   none, incomplete, active, past-due, canceling or canceled
     * @param premium whether the subscription grants premium now
     */
    public record SubscriptionView(boolean billingEnabled, String plan, String state, boolean premium,
                                   Instant currentPeriodEnd, boolean cancelAtPeriodEnd) {
    }

    public record Redirect(String url) {
    }

    public Plans plans() {
        Entitlements premium = entitlements(Tier.PREMIUM);
        return new Plans(settings.enabled(), entitlements(Tier.FREE), settings.plans().stream()
                .map(plan -> new PlanView(plan.id(), plan.displayName(), plan.monthlyPrice(), plan.currency(), premium))
                .toList());
    }

    public Mono<SubscriptionView> subscription(UUID owner) {
        return records.subscription(owner)
                .map(s -> new SubscriptionView(settings.enabled(), s.plan(), s.state().id(),
                        Entitlement.premium(s.state(), s.currentPeriodEnd(), clock.instant()), s.currentPeriodEnd(),
                        s.cancelAtPeriodEnd()))
                .defaultIfEmpty(new SubscriptionView(settings.enabled(), null, "none", false, null, false));
    }

    /** Opens a Stripe Checkout Session for the plan; creates the Stripe Customer the first time. */
    public Mono<Redirect> checkout(UUID owner, String planId) {
        return Mono.defer(() -> {
            requireEnabled();
            Plan plan = settings.plan(planId).orElseThrow(() -> new InvalidInput("plan",
                    "unknown plan '" + planId + "'; choose one of " + settings.plans().stream().map(Plan::id).toList()));
            return subscription(owner).flatMap(current -> {
                if (current.premium()) {
                    return Mono.error(new AlreadySubscribed());
                }
                return customer(owner).flatMap(customer -> stripe.createCheckoutSession(new StripeApi.CheckoutRequest(
                                customer, plan.priceId(), owner, plan.id(),
                                settings.publicUrl() + "/billing/success?session_id={CHECKOUT_SESSION_ID}",
                                settings.publicUrl() + "/billing/cancel"), IdempotencyKeys.next("checkout")))
                        .map(session -> new Redirect(session.url()));
            });
        });
    }

    /** Opens Stripe's customer portal (card changes, invoices, cancel). */
    public Mono<Redirect> portal(UUID owner) {
        return Mono.defer(() -> {
            requireEnabled();
            return records.customerOf(owner)
                    .switchIfEmpty(Mono.error(new NoSubscriptionYet()))
                    .flatMap(customer -> stripe.createPortalSession(customer, settings.publicUrl() + "/account"))
                    .map(Redirect::new);
        });
    }

    /** Thrown when a climber with no Stripe customer yet (never checked out) asks for the portal. */
    public static class NoSubscriptionYet extends RuntimeException {
        public NoSubscriptionYet() {
            super("You have no subscription yet: choose a plan on the pricing page first.");
        }
    }

    /** Thrown when a climber who already has premium starts another checkout. */
    public static class AlreadySubscribed extends RuntimeException {
        public AlreadySubscribed() {
            super("You already have premium. Manage your subscription from your account's billing portal.");
        }
    }

    private Mono<String> customer(UUID owner) {
        return records.customerOf(owner).switchIfEmpty(Mono.defer(() -> accounts.find(owner)
                .flatMap(account -> stripe.createCustomer(owner, account.email(), "customer-" + owner))
                .flatMap(created -> records.saveCustomer(owner, created))));
    }

    private void requireEnabled() {
        if (!settings.enabled()) {
            throw new BillingUnavailable("Payments are not switched on for this Cruxlog; every account is on the free plan.");
        }
    }

    private Entitlements entitlements(Tier tier) {
        return new Entitlements(tier.name().toLowerCase(java.util.Locale.ROOT), coach.perDay(tier), coach.describe(tier));
    }
}
