package dev.cruxlog.billing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.cruxlog.billing.application.BillingRecords;
import dev.cruxlog.billing.application.WebhookService;
import dev.cruxlog.billing.domain.StripeSignature;
import dev.cruxlog.coach.CoachAllowance;
import dev.cruxlog.identity.Tier;
import dev.cruxlog.identity.testing.IdentityStandIn;
import dev.cruxlog.identity.testing.OwnerAccounts;
import dev.cruxlog.identity.testing.RecordingAccounts;
import dev.cruxlog.platform.accounts.AccountErased;
import dev.cruxlog.platform.accounts.ErasesAccountData;
import dev.cruxlog.platform.testing.Eventually;
import dev.cruxlog.platform.testing.ModuleSliceTest;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The billing module alone, where it meets PostgreSQL: a Stripe webhook stored once however often
 * it is delivered, turned by the job queue into a subscription and a tier, and erased with its
 * account. Stripe is a loopback peer answering its subscription JSON; identity is its stand-in
 * (which records tier changes); the coach's allowance is the value billing shows.
 */
@ModuleSliceTest
class BillingModuleSliceTest {

    private static final String WEBHOOK_SECRET = "whsec_slice";
    private static final MockWebServer STRIPE = new MockWebServer();
    /** The subscriptions Stripe was asked to cancel, in order. */
    private static final List<String> CANCELLED = new CopyOnWriteArrayList<>();

    static {
        STRIPE.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getPath();
                boolean canceling = request.getMethod().equals("DELETE");
                if ((canceling || request.getMethod().equals("GET")) && path.startsWith("/v1/subscriptions/sub_")) {
                    String id = path.substring("/v1/subscriptions/".length());
                    if (canceling) {
                        CANCELLED.add(id);
                    }
                    String customer = "cus_" + id.substring("sub_".length());
                    return new MockResponse().setHeader("Content-Type", "application/json").setBody("""
                            {"id": "%s", "object": "subscription", "customer": "%s", "status": "%s",
                             "cancel_at_period_end": false,
                             "items": {"object": "list", "data": [{"current_period_end": %d,
                                       "price": {"id": "price_premium"}}]}}""".formatted(id, customer, canceling ? "canceled" : "active",
                            Instant.now().plus(Duration.ofDays(30)).getEpochSecond()));
                }
                return new MockResponse().setResponseCode(404).setBody("{\"error\": {\"type\": \"invalid_request_error\"}}");
            }
        });
    }

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry properties) {
        properties.add("cruxlog.billing.stripe.api-base", () -> STRIPE.url("/").toString().replaceAll("/$", ""));
        properties.add("cruxlog.billing.stripe.secret-key", () -> "sk_test_slice");
        properties.add("cruxlog.billing.stripe.webhook-secret", () -> WEBHOOK_SECRET);
        properties.add("cruxlog.billing.plans.premium.price-id", () -> "price_premium");
        properties.add("cruxlog.billing.plans.premium.monthly-price", () -> "9.99");
    }

    @AfterAll
    static void stopStripe() throws Exception {
        STRIPE.shutdown();
    }

    @Autowired
    WebhookService webhooks;

    @Autowired
    BillingRecords records;

    @Autowired
    List<ErasesAccountData> erasures;

    @Autowired
    RecordingAccounts accounts;

    @Autowired
    DatabaseClient db;

    @Test
    void anEventDeliveredTwiceIsStoredOnceAndMakesItsCustomerPremiumOnce() {
        UUID climber = OwnerAccounts.create(db);
        String key = climber.toString().substring(0, 8);
        records.saveCustomer(climber, "cus_" + key).block(Duration.ofSeconds(10));
        byte[] event = event("evt_" + key, "customer.subscription.created", "cus_" + key, "sub_" + key);

        StepVerifier.create(Flux.concat(webhooks.receive(event, signed(event)), webhooks.receive(event, signed(event))))
                .assertNext(first -> assertThat(first.duplicate()).isFalse())
                .assertNext(again -> assertThat(again.duplicate()).isTrue())
                .verifyComplete();

        assertThat(outcomeOf("evt_" + key)).isEqualTo("none -> active (premium)");
        assertThat(accounts.tierChangesOf(climber)).containsExactly(Tier.PREMIUM);
        assertThat(count("SELECT count(*) FROM platform.job WHERE kind = 'billing.webhook' "
                + "AND payload ->> 'eventId' = :key", "evt_" + key)).isOne();
        assertThat(records.subscription(climber).block(Duration.ofSeconds(10)).subscriptionId()).isEqualTo("sub_" + key);
    }

    @Test
    void anEventWithABadSignatureStoresNothing() {
        byte[] event = event("evt_forged", "customer.subscription.created", "cus_forged", "sub_forged");
        String forged = StripeSignature.header(event, "whsec_someone_else", Instant.now());

        StepVerifier.create(webhooks.receive(event, forged)).expectError(StripeSignature.Invalid.class).verify();

        assertThat(count("SELECT count(*) FROM billing.webhook_event WHERE event_id = :key", "evt_forged")).isZero();
    }

    @Test
    void anEventOfACustomerNobodyHasIsProcessedAndChangesNoTier() {
        byte[] event = event("evt_stranger", "customer.subscription.updated", "cus_nobody", "sub_nobody");
        int asked = STRIPE.getRequestCount();

        webhooks.receive(event, signed(event)).block(Duration.ofSeconds(10));

        assertThat(outcomeOf("evt_stranger")).isEqualTo("ignored: unknown customer cus_nobody");
        assertThat(STRIPE.getRequestCount()).as("Stripe is not asked about a customer nobody has").isEqualTo(asked);
        assertThat(count("SELECT count(*) FROM billing.subscription WHERE stripe_subscription_id = :key", "sub_nobody"))
                .isZero();
    }

    @Test
    void erasingAnAccountTakesItsCustomerAndSubscriptionAndNoOneElsesAndCancelsItAtStripe() {
        UUID leaving = OwnerAccounts.create(db);
        UUID staying = OwnerAccounts.create(db);
        for (UUID climber : List.of(leaving, staying)) {
            String key = climber.toString().substring(0, 8);
            records.saveCustomer(climber, "cus_" + key).block(Duration.ofSeconds(10));
            byte[] event = event("evt_" + key, "customer.subscription.created", "cus_" + key, "sub_" + key);
            webhooks.receive(event, signed(event)).block(Duration.ofSeconds(10));
            outcomeOf("evt_" + key);
        }

        Flux.fromIterable(erasures).concatMap(erasure -> erasure.erase(new AccountErased(leaving)))
                .then().block(Duration.ofSeconds(10));

        for (String table : List.of("customer", "subscription")) {
            assertThat(count("SELECT count(*) FROM billing." + table + " WHERE owner_id = :key", leaving)).as(table).isZero();
            assertThat(count("SELECT count(*) FROM billing." + table + " WHERE owner_id = :key", staying)).as(table).isOne();
        }
        // The paid subscription does not outlive its account: the job queue asks Stripe to cancel it
        // (a DELETE the peer above records; the job would also succeed on a 404, so its status proves nothing).
        String leavingSubscription = "sub_" + leaving.toString().substring(0, 8);
        Eventually.answer(() -> Mono.fromSupplier(() -> List.copyOf(CANCELLED)), cancelled -> cancelled.contains(leavingSubscription),
                Duration.ofSeconds(25));
        assertThat(CANCELLED).doesNotContain("sub_" + staying.toString().substring(0, 8));
    }

    private String outcomeOf(String eventId) {
        // The job queue polls every 200 ms here; the outcome is written when the job has run.
        return Eventually.present(() -> records.eventOutcome(eventId), Duration.ofSeconds(25));
    }

    private long count(String sql, Object key) {
        return db.sql(sql).bind("key", key).map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(10));
    }

    private static byte[] event(String id, String type, String customer, String subscription) {
        return """
                {"id": "%s", "object": "event", "type": "%s", "created": %d,
                 "data": {"object": {"id": "%s", "object": "subscription", "customer": "%s"}}}"""
                .formatted(id, type, Instant.now().getEpochSecond(), subscription, customer)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String signed(byte[] payload) {
        return StripeSignature.header(payload, WEBHOOK_SECRET, Instant.now());
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class OtherModules extends IdentityStandIn {

        @Bean
        CoachAllowance coachAllowance() {
            return new CoachAllowance(10, -1);
        }
    }
}
