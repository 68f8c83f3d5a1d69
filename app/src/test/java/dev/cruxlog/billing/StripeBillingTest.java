package dev.cruxlog.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import dev.cruxlog.billing.domain.StripeSignature;
import dev.cruxlog.platform.testing.IsolatedTestDatabaseInitializer;
import dev.cruxlog.support.Browser;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.DatabaseRows;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.TestMailInitializer;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Billing against a local Stripe: MockWebServer answering Stripe's REST paths with Stripe's
 * JSON, and webhook events signed here with a test secret, exactly as Stripe signs them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@ActiveProfiles("test")
@ContextConfiguration(initializers = {IsolatedTestDatabaseInitializer.class, TestMailInitializer.class})
class StripeBillingTest {

    private static final String SECRET = "whsec_test_secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MockWebServer stripe = new MockWebServer();
    private static final AtomicInteger ids = new AtomicInteger();
    /** Subscriptions as Stripe has them now: id -> JSON. */
    private static final Map<String, String> subscriptions = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();
    private static final List<Sent> sent = new CopyOnWriteArrayList<>();
    /** The customer id the stub gave each email. */
    private static final Map<String, String> CUSTOMER_IDS = new ConcurrentHashMap<>();
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    private record Sent(String method, String path, Map<String, String> form, String idempotencyKey, String authorization) {
    }

    static {
        stripe.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getPath();
                Map<String, String> form = form(request.getBody().readUtf8());
                sent.add(new Sent(request.getMethod(), path, form, request.getHeader("Idempotency-Key"),
                        request.getHeader("Authorization")));
                if (path.equals("/v1/customers")) {
                    String id = "cus_" + ids.incrementAndGet();
                    CUSTOMER_IDS.put(form.get("email"), id);
                    return json("{\"id\":\"" + id + "\",\"object\":\"customer\",\"email\":\"" + form.get("email") + "\"}");
                }
                if (path.equals("/v1/checkout/sessions")) {
                    int n = ids.incrementAndGet();
                    return json("{\"id\":\"cs_test_" + n + "\",\"object\":\"checkout.session\",\"mode\":\"subscription\","
                            + "\"url\":\"https://checkout.stripe.test/c/pay/cs_test_" + n + "\"}");
                }
                if (path.equals("/v1/billing_portal/sessions")) {
                    return json("{\"id\":\"bps_1\",\"object\":\"billing_portal.session\",\"url\":\"https://billing.stripe.test/p/session_1\"}");
                }
                if (path.startsWith("/v1/subscriptions/")) {
                    String id = path.substring("/v1/subscriptions/".length());
                    if (request.getMethod().equals("DELETE")) {
                        subscriptions.computeIfPresent(id, (key, body) -> body.replaceAll("\"status\":\"[a-z_]+\"", "\"status\":\"canceled\""));
                    }
                    fetches.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
                    String body = subscriptions.get(id);
                    return body == null ? new MockResponse().setResponseCode(404).setBody(
                            "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"No such subscription\"}}") : json(body);
                }
                return new MockResponse().setResponseCode(404);
            }
        });
        try {
            stripe.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void pointAtTheStub(DynamicPropertyRegistry registry) {
        registry.add("cruxlog.billing.stripe.api-base", () -> stripe.url("/").toString());
        registry.add("cruxlog.billing.stripe.secret-key", () -> "sk_test_123");
        registry.add("cruxlog.billing.stripe.webhook-secret", () -> SECRET);
        registry.add("cruxlog.billing.plans.premium.price-id", () -> "price_premium_monthly");
    }

    @AfterAll
    static void stop() throws IOException {
        stripe.shutdown();
    }

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    Climbers climbers;

    @BeforeEach
    void setUp() {
        climbers = new Climbers(http);
    }

    /** An unknown plan names the field; the portal before any checkout is a conflict of its own kind. */
    @Test
    void anUnknownPlanIsTheClimbersMistakeAndThePortalWaitsForACheckout() {
        Climber climber = climbers.verified("unknown-plan");
        http.post().uri("/api/v1/billing/checkout").header("Authorization", climber.bearer()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("plan", "platinum")).exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("plan")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).startsWith("unknown plan 'platinum'"));
        http.post().uri("/api/v1/billing/portal").header("Authorization", climber.bearer()).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").value(type -> assertThat((String) type)
                        .endsWith("no-subscription"));
    }

    @Test
    void checkoutThenTheCompletedWebhookMakesTheClimberPremiumAndNothingElseDoes() {
        Climber climber = climbers.verified("subscriber");
        String url = checkout(climber);
        assertThat(url).startsWith("https://checkout.stripe.test/c/pay/cs_test_");
        Sent customer = last("/v1/customers");
        assertThat(customer.form()).containsEntry("email", climber.email()).containsKey("metadata[user_id]");
        assertThat(customer.authorization()).isEqualTo("Bearer sk_test_123");
        Sent session = last("/v1/checkout/sessions");
        assertThat(session.form()).containsEntry("mode", "subscription")
                .containsEntry("line_items[0][price]", "price_premium_monthly")
                .containsEntry("customer", idOf(customer))
                .containsEntry("client_reference_id", customer.form().get("metadata[user_id]"));
        assertThat(session.form().get("success_url")).endsWith("/billing/success?session_id={CHECKOUT_SESSION_ID}");
        assertThat(session.idempotencyKey()).isNotBlank();
        checkout(climber);
        assertThat(sent.stream().filter(s -> s.path().equals("/v1/customers") && s.form().get("email").equals(climber.email())))
                .as("the customer is created once and reused").hasSize(1);

        // The success redirect grants nothing: only Stripe's confirmed state does.
        Browser browser = signedIn(climber);
        assertThat(browser.get("/billing/success").document().select("#billing-state").text()).contains("confirming");
        assertThat(tier(climber)).isEqualTo("free");

        String customerId = idOf(customer);
        stripeHas("sub_A", customerId, "active", false);
        send(event("evt_A1", "checkout.session.completed", Map.of("object", "checkout.session", "customer", customerId,
                "subscription", "sub_A", "mode", "subscription")));
        Map<String, Object> subscription = awaitSubscription(climber, s -> "active".equals(s.get("state")));
        assertThat(subscription.get("premium")).isEqualTo(true);
        assertThat(subscription.get("plan")).isEqualTo("premium");
        assertThat(tier(climber)).isEqualTo("premium");
        assertThat(browser.get("/billing/success").document().select("#billing-state").text()).contains("Premium is active");

        http.post().uri("/api/v1/billing/checkout").header("Authorization", climber.bearer()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("plan", "premium")).exchange().expectStatus().isEqualTo(409);
        http.post().uri("/api/v1/billing/portal").header("Authorization", climber.bearer()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.url").isEqualTo("https://billing.stripe.test/p/session_1");
    }

    @Test
    void repeatedAndOutOfOrderEventsNeverMoveStateAwayFromWhatStripeSays() {
        Climber climber = climbers.verified("orderly");
        String customerId = customerFor(climber);
        stripeHas("sub_B", customerId, "active", false);
        String completed = event("evt_B1", "checkout.session.completed", Map.of("customer", customerId, "subscription", "sub_B"));
        send(completed);
        awaitOutcome("evt_B1");
        int fetched = fetches.get("sub_B").get();

        http.post().uri("/api/v1/billing/webhook").header("Stripe-Signature", StripeSignature.header(
                        completed.getBytes(StandardCharsets.UTF_8), SECRET, Instant.now()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(completed)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.duplicate").isEqualTo(true);

        // An old "created" event (status incomplete in its payload) arrives late: Stripe's current state wins.
        send(event("evt_B0", "customer.subscription.created", Map.of("id", "sub_B", "customer", customerId,
                "status", "incomplete")));
        assertThat(awaitOutcome("evt_B0")).contains("active -> active");
        assertThat(fetches.get("sub_B").get()).as("the repeat was not processed again").isEqualTo(fetched + 1);
        assertThat(subscription(climber).get("state")).isEqualTo("active");
        assertThat(tier(climber)).isEqualTo("premium");
    }

    @Test
    void badSignaturesAndStaleTimestampsAreRefusedWith400AndNothingIsRecorded() {
        String payload = event("evt_bad", "invoice.paid", Map.of("customer", "cus_x", "subscription", "sub_x"));
        http.post().uri("/api/v1/billing/webhook").header("Stripe-Signature",
                        StripeSignature.header(payload.getBytes(StandardCharsets.UTF_8), "whsec_wrong", Instant.now()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(payload)
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/v1/billing/webhook").header("Stripe-Signature",
                        StripeSignature.header(payload.getBytes(StandardCharsets.UTF_8), SECRET, Instant.now().minusSeconds(600)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(payload)
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.detail").value(d ->
                        assertThat(d.toString()).contains("tolerance"));
        http.post().uri("/api/v1/billing/webhook").contentType(MediaType.APPLICATION_JSON).bodyValue(payload)
                .exchange().expectStatus().isBadRequest();
        assertThat(count("SELECT count(*) AS n FROM billing.webhook_event WHERE event_id = 'evt_bad'")).isZero();
    }

    @Test
    void cancellingKeepsPremiumToThePeriodEndAFailedPaymentShowsABannerAndTheEndMakesTheClimberFree() {
        Climber climber = climbers.verified("leaver");
        String customerId = customerFor(climber);
        stripeHas("sub_C", customerId, "active", false);
        send(event("evt_C1", "customer.subscription.created", Map.of("id", "sub_C", "customer", customerId)));
        awaitSubscription(climber, s -> "active".equals(s.get("state")));

        stripeHas("sub_C", customerId, "active", true);
        send(event("evt_C2", "customer.subscription.updated", Map.of("id", "sub_C", "customer", customerId)));
        Map<String, Object> canceling = awaitSubscription(climber, s -> "canceling".equals(s.get("state")));
        assertThat(canceling.get("premium")).isEqualTo(true);
        assertThat(canceling.get("cancelAtPeriodEnd")).isEqualTo(true);
        assertThat(tier(climber)).isEqualTo("premium");

        stripeHas("sub_C", customerId, "past_due", false);
        send(event("evt_C3", "invoice.payment_failed", Map.of("object", "invoice", "customer", customerId,
                "parent", Map.of("subscription_details", Map.of("subscription", "sub_C")))));
        awaitSubscription(climber, s -> "past-due".equals(s.get("state")));
        assertThat(tier(climber)).isEqualTo("premium");
        var page = signedIn(climber).get("/dashboard").document();
        assertThat(page.select(".banner[role=alert]").text()).contains("payment failed");
        assertThat(page.select(".banner a[href=/billing/portal]").text()).isEqualTo("Update your card");

        stripeHas("sub_C", customerId, "canceled", false);
        send(event("evt_C4", "customer.subscription.deleted", Map.of("id", "sub_C", "customer", customerId)));
        Map<String, Object> ended = awaitSubscription(climber, s -> "canceled".equals(s.get("state")));
        assertThat(ended.get("premium")).isEqualTo(false);
        assertThat(tier(climber)).isEqualTo("free");
        assertThat(signedIn(climber).get("/dashboard").document().select(".banner[role=alert]")).isEmpty();
    }

    @Test
    void noEndpointLetsAClimberGrantThemselvesPremium() {
        Climber climber = climbers.verified("sneaky");
        String customerId = customerFor(climber);
        http.patch().uri("/api/v1/users/me").header("Authorization", climber.bearer()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("tier", "PREMIUM")).exchange();
        assertThat(tier(climber)).isEqualTo("free");
        signedIn(climber).get("/billing/success?session_id=cs_test_forged");
        assertThat(tier(climber)).isEqualTo("free");

        // A subscription of somebody else's customer, named in an event about this climber's customer.
        stripeHas("sub_other", "cus_someone_else", "active", false);
        send(event("evt_S1", "customer.subscription.updated", Map.of("id", "sub_other", "customer", customerId)));
        assertThat(awaitOutcome("evt_S1")).contains("belongs to another customer");
        // An event the climber forges without the secret.
        String forged = event("evt_S2", "customer.subscription.updated", Map.of("id", "sub_forged", "customer", customerId));
        http.post().uri("/api/v1/billing/webhook").header("Authorization", climber.bearer())
                .header("Stripe-Signature", "t=" + Instant.now().getEpochSecond() + ",v1=" + "ab".repeat(32))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(forged).exchange().expectStatus().isBadRequest();
        assertThat(tier(climber)).isEqualTo("free");
        assertThat(subscription(climber).get("state")).isEqualTo("none");
    }

    @Test
    void deletingTheAccountErasesBillingRowsAndCancelsTheSubscriptionAtStripe() {
        Climber climber = climbers.verified("erased");
        String customerId = customerFor(climber);
        stripeHas("sub_E", customerId, "active", false);
        send(event("evt_E1", "customer.subscription.created", Map.of("id", "sub_E", "customer", customerId)));
        awaitSubscription(climber, s -> "active".equals(s.get("state")));

        http.method(org.springframework.http.HttpMethod.DELETE).uri("/api/v1/users/me").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("password", climber.password()))
                .exchange().expectStatus().isNoContent();

        Flux.interval(Duration.ZERO, Duration.ofMillis(100))
                .filter(tick -> sent.stream().anyMatch(s -> s.method().equals("DELETE") && s.path().equals("/v1/subscriptions/sub_E")))
                .blockFirst(Duration.ofSeconds(30));
        assertThat(new DatabaseRows(db).count("SELECT count(*) FROM billing.customer WHERE stripe_customer_id = :id",
                Map.of("id", customerId))).isZero();
        assertThat(count("SELECT count(*) AS n FROM billing.subscription WHERE stripe_subscription_id = 'sub_E'")).isZero();
        assertThat(count("SELECT count(*) AS n FROM billing.webhook_event WHERE event_id = 'evt_E1'")).isZero();
    }

    // --- helpers -----------------------------------------------------------------------------

    private String checkout(Climber climber) {
        return http.post().uri("/api/v1/billing/checkout").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("plan", "premium"))
                .exchange().expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody().get("url").toString();
    }

    /** Starts a checkout so the climber has a Stripe customer, and returns its id. */
    private String customerFor(Climber climber) {
        checkout(climber);
        return sent.stream().filter(s -> s.path().equals("/v1/customers") && climber.email().equals(s.form().get("email")))
                .findFirst().map(StripeBillingTest::idOf).orElseThrow();
    }

    /** The id the stub gave the customer created by this request. */
    private static String idOf(Sent customerRequest) {
        return CUSTOMER_IDS.get(customerRequest.form().get("email"));
    }

    private static void stripeHas(String id, String customer, String status, boolean cancelAtPeriodEnd) {
        long periodEnd = Instant.now().plus(Duration.ofDays(30)).getEpochSecond();
        subscriptions.put(id, "{\"id\":\"" + id + "\",\"object\":\"subscription\",\"customer\":\"" + customer + "\","
                + "\"status\":\"" + status + "\",\"cancel_at_period_end\":" + cancelAtPeriodEnd + ","
                + "\"items\":{\"object\":\"list\",\"data\":[{\"id\":\"si_1\",\"current_period_end\":" + periodEnd + ","
                + "\"price\":{\"id\":\"price_premium_monthly\",\"object\":\"price\"}}]}}");
    }

    private static String event(String id, String type, Map<String, Object> object) {
        return JSON.writeValueAsString(Map.of("id", id, "object", "event", "type", type, "api_version", "2025-03-31.basil",
                "created", Instant.now().getEpochSecond(), "data", Map.of("object", object)));
    }

    private void send(String payload) {
        http.post().uri("/api/v1/billing/webhook")
                .header("Stripe-Signature", StripeSignature.header(payload.getBytes(StandardCharsets.UTF_8), SECRET, Instant.now()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(payload)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.received").isEqualTo(true);
    }

    private String awaitOutcome(String eventId) {
        return Flux.interval(Duration.ZERO, Duration.ofMillis(100)).publishOn(Schedulers.boundedElastic())
                .map(tick -> db.sql("SELECT coalesce(outcome, '') AS outcome FROM billing.webhook_event WHERE event_id = :id "
                        + "AND processed_at IS NOT NULL").bind("id", eventId).map(row -> row.get("outcome", String.class))
                        .one().defaultIfEmpty("").block(Duration.ofSeconds(5)))
                .filter(outcome -> !outcome.isEmpty())
                .blockFirst(Duration.ofSeconds(30));
    }

    private Map<String, Object> awaitSubscription(Climber climber, Predicate<Map<String, Object>> condition) {
        return Flux.interval(Duration.ZERO, Duration.ofMillis(100)).publishOn(Schedulers.boundedElastic())
                .map(tick -> subscription(climber)).filter(condition).blockFirst(Duration.ofSeconds(30));
    }

    private Map<String, Object> subscription(Climber climber) {
        return http.get().uri("/api/v1/billing/subscription").header("Authorization", climber.bearer())
                .exchange().expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
    }

    private String tier(Climber climber) {
        return http.get().uri("/api/v1/users/me").header("Authorization", climber.bearer())
                .exchange().expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody().get("tier").toString();
    }

    private Browser signedIn(Climber climber) {
        Browser browser = new Browser(http);
        browser.get("/signin");
        browser.post("/signin", Map.of("login", climber.username(), "password", climber.password()));
        return browser;
    }

    private long count(String sql) {
        return new DatabaseRows(db).count(sql);
    }

    private static Sent last(String path) {
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (sent.get(i).path().equals(path)) {
                return sent.get(i);
            }
        }
        throw new AssertionError("Stripe was never called at " + path);
    }

    private static MockResponse json(String body) {
        return new MockResponse().setResponseCode(200).addHeader("Content-Type", "application/json").setBody(body);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        if (body.isBlank()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            form.put(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                    equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return form;
    }
}
