package dev.cruxlog.billing.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.cruxlog.billing.domain.SubscriptionState;
import dev.cruxlog.identity.AccountView;
import dev.cruxlog.identity.Accounts;
import dev.cruxlog.identity.Tier;
import dev.cruxlog.platform.jobs.Job;
import dev.cruxlog.platform.jobs.JobPayloads;
import dev.cruxlog.platform.testing.NoTransaction;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook job alone, against in-memory ports: an event only says which subscription
 * changed; its state is read from Stripe, moved through the state machine, stored, and the
 * climber's tier follows. Late, repeated and foreign events change nothing, and say why.
 */
class WebhookJobTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final UUID CLIMBER = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final Plan PREMIUM = new Plan("premium", "price_premium", new BigDecimal("4.00"), "EUR", "Premium");

    private final InMemoryRecords records = new InMemoryRecords();
    private final Map<String, StripeApi.StripeSubscription> stripe = new HashMap<>();
    private final Map<UUID, Tier> tiers = new HashMap<>();
    private final Map<String, StripeEvents.StripeEvent> events = new HashMap<>();
    private final WebhookJob job = new WebhookJob(records, new StripeSubscriptions(stripe),
            new BillingSettings(true, List.of(PREMIUM), "https://cruxlog.test", "whsec_test", Duration.ofMinutes(5)),
            new TierAccounts(tiers), new JobPayloads(JsonMapper.builder().build()),
            payload -> events.get(payload), new NoTransaction(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aPaidSubscriptionMakesTheClimberPremium() {
        records.customers.put("cus_1", CLIMBER);
        stripe.put("sub_1", subscription("sub_1", "cus_1", "active", false));

        StepVerifier.create(job.handle(event("evt_1", "customer.subscription.created", "cus_1", "sub_1"))).verifyComplete();

        assertThat(records.outcomes).containsEntry("evt_1", "none -> active (premium)");
        assertThat(records.subscriptions.get(CLIMBER).state()).isEqualTo(SubscriptionState.ACTIVE);
        assertThat(records.subscriptions.get(CLIMBER).plan()).isEqualTo("premium");
        assertThat(tiers).containsEntry(CLIMBER, Tier.PREMIUM);
    }

    @Test
    void theSubscriptionIsReadFromStripeNotFromTheEventSoALateEventAppliesTheCurrentState() {
        records.customers.put("cus_1", CLIMBER);
        records.subscriptions.put(CLIMBER, new BillingRecords.Subscription("sub_1", "premium", SubscriptionState.ACTIVE,
                "active", NOW.plus(Duration.ofDays(20)), false));
        // An "updated" event from before the cancellation arrives after it: Stripe says cancelled now.
        stripe.put("sub_1", subscription("sub_1", "cus_1", "canceled", false));

        StepVerifier.create(job.handle(event("evt_2", "customer.subscription.updated", "cus_1", "sub_1"))).verifyComplete();

        assertThat(records.outcomes).containsEntry("evt_2", "active -> canceled (free)");
        assertThat(tiers).containsEntry(CLIMBER, Tier.FREE);
    }

    @Test
    void aCancelledSubscriptionDoesNotComeBack() {
        records.customers.put("cus_1", CLIMBER);
        records.subscriptions.put(CLIMBER, new BillingRecords.Subscription("sub_1", "premium", SubscriptionState.CANCELED,
                "canceled", NOW.minus(Duration.ofDays(1)), false));
        stripe.put("sub_1", subscription("sub_1", "cus_1", "active", false));

        StepVerifier.create(job.handle(event("evt_3", "invoice.paid", "cus_1", "sub_1"))).verifyComplete();

        assertThat(records.outcomes.get("evt_3")).isEqualTo("refused: canceled -> active is not an allowed transition");
        assertThat(records.subscriptions.get(CLIMBER).state()).isEqualTo(SubscriptionState.CANCELED);
        assertThat(tiers).doesNotContainKey(CLIMBER);
    }

    @Test
    void eventsBillingCannotPlaceAreKeptWithTheReasonAndChangeNothing() {
        records.customers.put("cus_1", CLIMBER);
        stripe.put("sub_other", subscription("sub_other", "cus_someone_else", "active", false));

        StepVerifier.create(job.handle(event("evt_4", "charge.refunded", "cus_1", "sub_1"))).verifyComplete();
        StepVerifier.create(job.handle(event("evt_5", "invoice.paid", null, "sub_1"))).verifyComplete();
        StepVerifier.create(job.handle(event("evt_6", "invoice.paid", "cus_unknown", "sub_1"))).verifyComplete();
        StepVerifier.create(job.handle(event("evt_7", "invoice.paid", "cus_1", "sub_gone"))).verifyComplete();
        StepVerifier.create(job.handle(event("evt_8", "invoice.paid", "cus_1", "sub_other"))).verifyComplete();

        assertThat(records.outcomes).containsEntry("evt_4", "ignored: charge.refunded is not an event billing acts on")
                .containsEntry("evt_5", "ignored: the event names no customer")
                .containsEntry("evt_6", "ignored: unknown customer cus_unknown")
                .containsEntry("evt_7", "ignored: Stripe does not know subscription sub_gone")
                .containsEntry("evt_8", "ignored: subscription sub_other belongs to another customer");
        assertThat(records.subscriptions).isEmpty();
        assertThat(tiers).isEmpty();
    }

    private Job event(String id, String type, String customer, String subscription) {
        events.put(id, new StripeEvents.StripeEvent(id, type, Optional.ofNullable(customer), Optional.ofNullable(subscription)));
        records.payloads.put(id, id);
        return new Job(1, WebhookService.JOB_KIND, "{\"eventId\":\"" + id + "\"}", 1, 5);
    }

    private static StripeApi.StripeSubscription subscription(String id, String customer, String status, boolean cancelAtEnd) {
        return new StripeApi.StripeSubscription(id, customer, status, cancelAtEnd, NOW.plus(Duration.ofDays(30)),
                PREMIUM.priceId());
    }

    /** Billing's records in maps; only what the job touches. */
    private static final class InMemoryRecords implements BillingRecords {

        final Map<String, UUID> customers = new HashMap<>();
        final Map<UUID, Subscription> subscriptions = new HashMap<>();
        final Map<String, String> payloads = new HashMap<>();
        final Map<String, String> outcomes = new HashMap<>();

        @Override
        public Mono<String> customerOf(UUID owner) {
            return Mono.justOrEmpty(customers.entrySet().stream().filter(e -> e.getValue().equals(owner))
                    .map(Map.Entry::getKey).findFirst());
        }

        @Override
        public Mono<UUID> ownerOfCustomer(String customerId) {
            return Mono.justOrEmpty(customers.get(customerId));
        }

        @Override
        public Mono<String> saveCustomer(UUID owner, String customerId) {
            return Mono.fromSupplier(() -> {
                customers.putIfAbsent(customerId, owner);
                return customerId;
            });
        }

        @Override
        public Mono<Subscription> subscription(UUID owner) {
            return Mono.justOrEmpty(subscriptions.get(owner));
        }

        @Override
        public Mono<Void> saveSubscription(UUID owner, Subscription subscription) {
            return Mono.fromRunnable(() -> subscriptions.put(owner, subscription));
        }

        @Override
        public Mono<Boolean> recordEvent(String eventId, String type, String payload) {
            return Mono.fromSupplier(() -> payloads.putIfAbsent(eventId, payload) == null);
        }

        @Override
        public Mono<String> eventPayload(String eventId) {
            return Mono.justOrEmpty(payloads.get(eventId));
        }

        @Override
        public Mono<Void> eventProcessed(String eventId, String outcome) {
            return Mono.fromRunnable(() -> outcomes.put(eventId, outcome));
        }

        @Override
        public Mono<String> eventOutcome(String eventId) {
            return Mono.justOrEmpty(outcomes.get(eventId));
        }

        @Override
        public Mono<Void> eraseOwnedBy(UUID owner) {
            return Mono.error(new UnsupportedOperationException("not asked of the webhook job"));
        }
    }

    /** Stripe's subscriptions as the job reads them; nothing else is asked of Stripe. */
    private record StripeSubscriptions(Map<String, StripeSubscription> known) implements StripeApi {

        @Override
        public Mono<StripeSubscription> subscription(String subscriptionId) {
            return Mono.justOrEmpty(known.get(subscriptionId));
        }

        @Override
        public Mono<String> createCustomer(UUID owner, String email, String idempotencyKey) {
            return Mono.error(new UnsupportedOperationException());
        }

        @Override
        public Mono<CheckoutSession> createCheckoutSession(CheckoutRequest request, String idempotencyKey) {
            return Mono.error(new UnsupportedOperationException());
        }

        @Override
        public Mono<String> createPortalSession(String customerId, String returnUrl) {
            return Mono.error(new UnsupportedOperationException());
        }

        @Override
        public Mono<Void> cancelSubscription(String subscriptionId) {
            return Mono.error(new UnsupportedOperationException());
        }
    }

    /** Identity's accounts as far as billing changes them: the tier. */
    private record TierAccounts(Map<UUID, Tier> tiers) implements Accounts {

        @Override
        public Mono<AccountView> find(UUID accountId) {
            return Mono.empty();
        }

        @Override
        public Mono<Boolean> hasTier(UUID accountId, Tier tier) {
            return Mono.fromSupplier(() -> tiers.getOrDefault(accountId, Tier.FREE) == tier);
        }

        @Override
        public Mono<Void> changeTier(UUID accountId, Tier tier) {
            return Mono.fromRunnable(() -> tiers.put(accountId, tier));
        }
    }
}
