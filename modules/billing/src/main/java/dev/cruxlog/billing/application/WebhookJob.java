package dev.cruxlog.billing.application;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.cruxlog.billing.domain.Entitlement;
import dev.cruxlog.billing.domain.SubscriptionChange;
import dev.cruxlog.billing.domain.SubscriptionState;
import dev.cruxlog.identity.Accounts;
import dev.cruxlog.identity.Tier;
import dev.cruxlog.platform.jobs.Job;
import dev.cruxlog.platform.jobs.JobHandler;
import dev.cruxlog.platform.jobs.JobPayloads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Processes one recorded webhook event. Events arrive late, twice or out of order, so the
 * event only says <em>which</em> subscription changed: its current state is fetched from
 * Stripe, moved through the state machine, stored, and the climber's tier set from it. The
 * outcome (what changed, or why nothing did) is kept with the event.
 */
@Component
class WebhookJob implements JobHandler {

    private static final Logger log = LoggerFactory.getLogger(WebhookJob.class);

    static final Set<String> HANDLED = Set.of("checkout.session.completed", "customer.subscription.created",
            "customer.subscription.updated", "customer.subscription.deleted", "invoice.paid", "invoice.payment_failed");

    private final BillingRecords records;
    private final StripeApi stripe;
    private final BillingSettings settings;
    private final Accounts accounts;
    private final JobPayloads payloads;
    private final StripeEvents events;
    private final TransactionalOperator transaction;
    private final Clock clock;

    WebhookJob(BillingRecords records, StripeApi stripe, BillingSettings settings, Accounts accounts, JobPayloads payloads,
               StripeEvents events, TransactionalOperator transaction, Clock clock) {
        this.records = records;
        this.stripe = stripe;
        this.settings = settings;
        this.accounts = accounts;
        this.payloads = payloads;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    record Payload(String eventId) {
    }

    @Override
    public String kind() {
        return WebhookService.JOB_KIND;
    }

    @Override
    public Mono<Void> handle(Job job) {
        String eventId = payloads.read(job, Payload.class).eventId();
        return records.eventPayload(eventId)
                .flatMap(text -> process(events.read(text)))
                .flatMap(outcome -> records.eventProcessed(eventId, outcome)
                        .doOnSuccess(done -> log.info("Stripe event {}: {}", eventId, outcome)));
    }

    private Mono<String> process(StripeEvents.StripeEvent event) {
        if (!HANDLED.contains(event.type())) {
            return Mono.just("ignored: " + event.type() + " is not an event billing acts on");
        }
        if (event.customerId().isEmpty()) {
            return Mono.just("ignored: the event names no customer");
        }
        if (event.subscriptionId().isEmpty()) {
            return Mono.just("ignored: the event names no subscription");
        }
        String customer = event.customerId().get();
        String subscriptionId = event.subscriptionId().get();
        return records.ownerOfCustomer(customer)
                .flatMap(owner -> stripe.subscription(subscriptionId)
                        .flatMap(current -> apply(owner, customer, current))
                        .defaultIfEmpty("ignored: Stripe does not know subscription " + subscriptionId))
                .defaultIfEmpty("ignored: unknown customer " + customer);
    }

    private Mono<String> apply(UUID owner, String customer, StripeApi.StripeSubscription current) {
        if (!customer.equals(current.customerId())) {
            return Mono.just("ignored: subscription " + current.id() + " belongs to another customer");
        }
        SubscriptionState target = SubscriptionState.fromStripe(current.status(), current.cancelAtPeriodEnd());
        String plan = settings.byPriceId(current.priceId()).map(Plan::id).orElse(null);
        return transaction.transactional(records.subscription(owner)
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(stored -> {
                    Optional<String> refusal = SubscriptionChange.refusal(stored
                            .map(s -> new SubscriptionChange.Stored(s.subscriptionId(), s.state(), s.currentPeriodEnd()))
                            .orElse(null), current.id(), target, clock.instant());
                    if (refusal.isPresent()) {
                        return Mono.just(refusal.get());
                    }
                    boolean premium = Entitlement.premium(target, current.currentPeriodEnd(), clock.instant());
                    return records.saveSubscription(owner, new BillingRecords.Subscription(current.id(), plan, target,
                                    current.status(), current.currentPeriodEnd(), current.cancelAtPeriodEnd()))
                            .then(accounts.changeTier(owner, premium ? Tier.PREMIUM : Tier.FREE))
                            .thenReturn((stored.map(s -> s.state().id()).orElse("none")) + " -> " + target.id()
                                    + (premium ? " (premium)" : " (free)"));
                }));
    }
}
