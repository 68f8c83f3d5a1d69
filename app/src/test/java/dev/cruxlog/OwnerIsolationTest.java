package dev.cruxlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import dev.cruxlog.support.AuthenticatorApp;
import dev.cruxlog.support.Browser;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.DatabaseRows;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.LogbookImports;
import dev.cruxlog.support.SharedExports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * One climber's data is out of every other climber's reach, on every endpoint the app
 * has, and leaves no row behind when the account is deleted. The endpoints and the
 * tables are discovered, not listed: a new endpoint that takes an id, or a new table
 * holding an owner's rows, is covered the day it is added (or this test says what to add).
 */
@CruxlogIntegrationTest
class OwnerIsolationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    /** Mapped paths that take an id but hold nobody's data. */
    private static final Set<String> NOT_OWNED = Set.of(
            "/v3/api-docs/{group}",          // springdoc: the API description of a module
            "/v3/api-docs.yaml/{group}",
            "/dev/mail/{id}");               // the dev-only inbox (off in tests, dev profile only)

    @Autowired
    WebTestClient http;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    DatabaseClient db;

    /** What one climber owns, with the ids and words that must never reach anyone else. */
    record Owned(Climber climber, String userId, String tickId, String importId, String conversationId,
                 String answerId, String sessionId, String deletedTickId, List<String> secrets) {
    }

    private Owned populate(String name) {
        Climber climber = new Climbers(http).verified(name);
        String marker = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> imported = new LogbookImports(http)
                .upload(climber, SharedExports.bytes("mountain-project/ticks-small-4.csv"), "ticks.csv", null);
        // One imported tick deleted: remembered (logbook.deleted_tick), so a re-import skips it.
        String deletedTick = new LogbookImports(http).ticks(climber).get(0).get("id").toString();
        http.delete().uri("/api/v1/logbook/ticks/" + deletedTick).header("Authorization", climber.bearer()).exchange()
                .expectStatus().isNoContent();
        Map<String, Object> tick = http.post().uri("/api/v1/logbook/ticks").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("route", "Route of " + marker, "date", "2024-05-01", "grade", "5.11a",
                        "discipline", "sport", "style", "redpoint", "location", "Nevada > Crag of " + marker,
                        "notes", "Notes of " + marker, "tags", List.of("tag-" + marker)))
                .exchange().expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody();
        Map<String, Object> pyramid = json(climber, "/api/v1/analytics/pyramid?discipline=sport");
        @SuppressWarnings("unchecked")
        String routeKey = ((List<Map<String, List<Map<String, Object>>>>) pyramid.get("levels")).get(0).get("routes").get(0)
                .get("routeKey").toString();
        http.patch().uri("/api/v1/analytics/pyramid/routes").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("routeKey", routeKey, "cruxAngle", "roof", "cruxEnergy", "power"))
                .exchange().expectStatus().isOk();
        http.put().uri("/api/v1/coach/profile").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("goals", "Goals of " + marker))
                .exchange().expectStatus().isOk();
        String conversation = http.post().uri("/api/v1/coach/conversations").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", "Talk of " + marker))
                .exchange().expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody().get("id").toString();
        http.post().uri("/api/v1/coach/conversations/" + conversation + "/messages").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM)
                .bodyValue(Map.of("content", "Question of " + marker))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult();
        List<Map<String, Object>> messages = http.get().uri("/api/v1/coach/conversations/" + conversation + "/messages")
                .header("Authorization", climber.bearer()).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).returnResult().getResponseBody();
        String answer = messages.stream().filter(m -> "assistant".equals(m.get("role"))).findFirst().orElseThrow()
                .get("id").toString();
        Browser browser = new Browser(http);
        browser.get("/signin");
        assertThat(browser.post("/signin", Map.of("login", climber.username(), "password", climber.password()))
                .status().is3xxRedirection()).as("signed in on the pages too").isTrue();
        String userId = json(climber, "/api/v1/users/me").get("id").toString();
        String session = http.get().uri("/api/v1/users/me/sessions").header("Authorization", climber.bearer()).exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).returnResult().getResponseBody().stream().filter(s -> "page".equals(s.get("kind"))).findFirst()
                .orElseThrow().get("id").toString();
        return new Owned(climber, userId, tick.get("id").toString(), imported.get("id").toString(), conversation, answer,
                session, deletedTick, List.of(marker, userId, tick.get("id").toString(), imported.get("id").toString(), conversation,
                        answer, session, climber.email(), climber.username()));
    }

    @Test
    void noEndpointLetsOneClimberReachAnothersData() {
        Owned alice = populate("alice-iso");
        Owned bob = populate("bob-iso");
        Browser bobsBrowser = new Browser(http);
        bobsBrowser.get("/signin");
        bobsBrowser.post("/signin", Map.of("login", bob.climber().username(), "password", bob.climber().password()));

        Map<String, Set<RequestMethod>> endpoints = new TreeMap<>();
        mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
            for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                endpoints.computeIfAbsent(pattern.getPatternString(), p -> new java.util.TreeSet<>())
                        .addAll(methods.isEmpty() ? Set.of(RequestMethod.GET) : methods);
            }
        });
        assertThat(endpoints).as("the app's endpoints were discovered").hasSizeGreaterThan(40);

        List<String> tried = new ArrayList<>();
        endpoints.forEach((pattern, methods) -> {
            if (!pattern.contains("{") || NOT_OWNED.contains(pattern)) {
                return;
            }
            String uri = withIdsOf(alice, pattern);
            for (RequestMethod method : methods) {
                int status = pattern.startsWith("/api/")
                        ? asBob(bob, HttpMethod.valueOf(method.name()), uri, bodyFor(pattern, bob))
                        : method == RequestMethod.GET ? bobsBrowser.get(uri).status().value()
                        : bobsBrowser.post(uri, formFor(pattern)).status().value();
                // Administrators' paths name other accounts by design: a climber is refused them outright.
                int expected = pattern.startsWith("/api/v1/admin/") ? 403 : 404;
                assertThat(status).as(method + " " + uri + " as another climber").isEqualTo(expected);
                tried.add(method + " " + pattern);
            }
        });
        assertThat(tried).as("every kind of owned thing was tried")
                .anyMatch(t -> t.contains("/ticks/{id}")).anyMatch(t -> t.contains("/imports/{id}"))
                .anyMatch(t -> t.contains("/deleted-ticks/{id}"))
                .anyMatch(t -> t.contains("{messageId}")).anyMatch(t -> t.startsWith("DELETE"))
                .anyMatch(t -> t.startsWith("POST /coach/{id}"));

        // Every list, summary and page without an id: nothing of Alice's in what Bob gets.
        List<String> read = new ArrayList<>();
        endpoints.forEach((pattern, methods) -> {
            if (pattern.contains("{") || pattern.contains("*") || !methods.contains(RequestMethod.GET)
                    || pattern.endsWith("/events") || pattern.startsWith("/actuator")) {
                return;
            }
            String body = pattern.startsWith("/api/") ? bodyAsBob(bob, pattern) : bobsBrowser.get(pattern).document().html();
            for (String secret : alice.secrets()) {
                assertThat(body).as("GET " + pattern + " as another climber").doesNotContain(secret);
            }
            read.add(pattern);
        });
        assertThat(read).contains("/api/v1/logbook/ticks", "/api/v1/logbook/imports", "/api/v1/coach/conversations",
                "/api/v1/coach/profile", "/api/v1/analytics/overview", "/api/v1/users/me", "/dashboard", "/logbook",
                "/coach", "/account");
        String export = bodyAsBob(bob, "/api/v1/logbook/export?format=csv");
        assertThat(export).contains("Route of bob-iso").doesNotContain(alice.secrets().get(0));

        // Alice's things are all still there and unchanged.
        assertThat(json(alice.climber(), "/api/v1/logbook/ticks/" + alice.tickId()).get("route").toString())
                .startsWith("Route of alice-iso");
        assertThat(json(alice.climber(), "/api/v1/coach/conversations/" + alice.conversationId()).get("title").toString())
                .startsWith("Talk of alice-iso");
        assertThat(json(alice.climber(), "/api/v1/logbook/imports/" + alice.importId()).get("status")).isEqualTo("succeeded");
        assertThat(new LogbookImports(http).ticks(alice.climber())).hasSize(4);
        assertThat(new LogbookImports(http).ticks(alice.climber())).extracting(t -> t.get("id")).doesNotContain(alice.deletedTickId());
    }

    @Test
    void deletingAnAccountLeavesNoRowOfItInAnyModule() {
        Owned leaving = populate("leaving");
        Owned staying = populate("staying");
        // Two-step sign-in on (its key and recovery codes), and a password waiting for its code
        // (a sign-in challenge). Turning it on ended the old tokens: the deletion uses a new one.
        String leavingBearer = withTwoStepAndAWaitingSignIn(leaving);
        withTwoStepAndAWaitingSignIn(staying);

        Map<String, String> ownerColumns = new LinkedHashMap<>();
        db.sql("""
                SELECT table_schema || '.' || table_name AS name, column_name
                FROM information_schema.columns
                WHERE column_name IN ('owner_id', 'account_id')
                  AND table_schema NOT IN ('pg_catalog', 'information_schema', 'public')
                ORDER BY 1""")
                .map(row -> Map.entry(row.get("name", String.class), row.get("column_name", String.class)))
                .all().collectList().block(Duration.ofSeconds(10))
                .forEach(e -> ownerColumns.put(e.getKey(), e.getValue()));
        assertThat(ownerColumns.keySet()).as("tables holding a climber's rows")
                .contains("logbook.tick", "logbook.import", "analytics.route_character", "analytics.logbook_figure", "coach.message",
                        "identity.refresh_token", "notifications.outbox");

        Map<String, Long> leavingBefore = counts(ownerColumns, leaving.userId());
        Map<String, Long> stayingBefore = counts(ownerColumns, staying.userId());
        // Billing rows need a Stripe checkout; StripeBillingTest erases those through the same hook.
        Set<String> filledElsewhere = Set.of("billing.customer", "billing.subscription");
        leavingBefore.forEach((table, rows) -> {
            if (!filledElsewhere.contains(table)) {
                assertThat(rows).as(table + " held rows of the climber before the deletion").isPositive();
            }
        });

        http.method(HttpMethod.DELETE).uri("/api/v1/users/me").header("Authorization", leavingBearer)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("password", leaving.climber().password()))
                .exchange().expectStatus().isNoContent();

        counts(ownerColumns, leaving.userId()).forEach((table, rows) ->
                assertThat(rows).as(table + " after the deletion").isZero());
        assertThat(counts(ownerColumns, staying.userId())).as("the other climber's rows").isEqualTo(stayingBefore);
        DatabaseRows rows = new DatabaseRows(db);
        assertThat(rows.count("SELECT count(*) FROM logbook.import_file f WHERE NOT EXISTS "
                + "(SELECT 1 FROM logbook.import i WHERE i.id = f.import_id)")).as("uploaded files left behind").isZero();
        assertThat(rows.count("SELECT count(*) FROM identity.account WHERE id = :id",
                Map.of("id", UUID.fromString(leaving.userId())))).isZero();
    }

    /**
     * Turns two-step sign-in on, which ends every session and token, then signs in again on a
     * page (with a recovery code) and through the API (with the app's code), and leaves a third
     * sign-in waiting for its code. Answers the API sign-in's bearer.
     */
    private String withTwoStepAndAWaitingSignIn(Owned owner) {
        Climber climber = owner.climber();
        AuthenticatorApp.TurnedOn turnedOn = AuthenticatorApp.turnOn(http, climber);
        Browser browser = new Browser(http);
        browser.get("/signin");
        Browser.Page askCode = browser.post("/signin", Map.of("login", climber.username(), "password", climber.password()));
        assertThat(browser.post("/signin/code", Map.of("challenge", askCode.document().select("input[name=challenge]").attr("value"),
                "code", turnedOn.recoveryCodes().get(0))).status().value()).isEqualTo(303);
        Climbers climbers = new Climbers(http);
        String access = climbers.secondStep(climbers.secondStepChallenge(climber.username(), climber.password()),
                turnedOn.app().codeOfNextStep()).accessToken();
        climbers.secondStepChallenge(climber.username(), climber.password());
        return "Bearer " + access;
    }

    private Map<String, Long> counts(Map<String, String> ownerColumns, String userId) {
        Map<String, Long> counts = new TreeMap<>();
        DatabaseRows rows = new DatabaseRows(db);
        ownerColumns.forEach((table, column) -> counts.put(table, rows.count(
                "SELECT count(*) FROM " + table + " WHERE " + column + " = :owner", Map.of("owner", UUID.fromString(userId)))));
        return counts;
    }

    /** The pattern with the ids of the owner's things in it; an unknown kind of id fails the test. */
    private static String withIdsOf(Owned owner, String pattern) {
        String uri = pattern;
        if (pattern.contains("/ticks/{id}")) {
            uri = uri.replace("{id}", owner.tickId());
        } else if (pattern.contains("/imports/{id}")) {
            uri = uri.replace("{id}", owner.importId());
        } else if (pattern.contains("/conversations/{id}") || pattern.startsWith("/coach/{id}")) {
            uri = uri.replace("{id}", owner.conversationId());
        } else if (pattern.contains("/sessions/{id}")) {
            uri = uri.replace("{id}", owner.sessionId());
        } else if (pattern.contains("/deleted-ticks/{id}") || pattern.startsWith("/logbook/deleted/{id}")) {
            uri = uri.replace("{id}", owner.deletedTickId());
        } else if (pattern.startsWith("/api/v1/admin/accounts/{id}")) {
            uri = uri.replace("{id}", owner.userId());
        }
        uri = uri.replace("{messageId}", owner.answerId());
        assertThat(uri).as("a new endpoint takes an id: say in this test whose thing it names (" + pattern + ")")
                .doesNotContain("{");
        return uri;
    }

    private static Map<String, Object> bodyFor(String pattern, Owned actor) {
        if (pattern.endsWith("/sign-out")) {
            // The actor's own password: a session that is not theirs must still be a 404.
            return Map.of("password", actor.climber().password());
        }
        if (pattern.endsWith("/feedback")) {
            return Map.of("helpful", true, "text", "stolen");
        }
        if (pattern.endsWith("/messages")) {
            return Map.of("content", "stolen");
        }
        if (pattern.contains("/ticks/")) {
            return Map.of("route", "Stolen");
        }
        return Map.of("title", "Stolen");
    }

    private static Map<String, String> formFor(String pattern) {
        if (pattern.endsWith("/ask")) {
            return Map.of("content", "stolen");
        }
        if (pattern.endsWith("/feedback")) {
            return Map.of("helpful", "true");
        }
        if (pattern.endsWith("/rename")) {
            return Map.of("title", "Stolen");
        }
        if (pattern.startsWith("/logbook/ticks/") && !pattern.endsWith("/delete")) {
            return Map.of("route", "Stolen", "date", "2024-05-01", "grade", "5.9", "discipline", "sport", "style", "redpoint");
        }
        return Map.of();
    }

    private int asBob(Owned bob, HttpMethod method, String uri, Map<String, Object> body) {
        WebTestClient.RequestBodySpec request = http.method(method).uri(uri).header("Authorization", bob.climber().bearer());
        WebTestClient.RequestHeadersSpec<?> ready = method == HttpMethod.GET || method == HttpMethod.DELETE ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        return ready.exchange().expectBody(String.class).returnResult().getStatus().value();
    }

    private String bodyAsBob(Owned bob, String uri) {
        String body = http.get().uri(uri).header("Authorization", bob.climber().bearer()).exchange()
                .expectBody(String.class).returnResult().getResponseBody();
        return body == null ? "" : body;
    }

    private Map<String, Object> json(Climber climber, String uri) {
        return http.get().uri(uri).header("Authorization", climber.bearer()).exchange().expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody();
    }
}
