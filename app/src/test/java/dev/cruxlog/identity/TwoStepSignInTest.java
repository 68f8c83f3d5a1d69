package dev.cruxlog.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.support.AuthenticatorApp;
import dev.cruxlog.support.AuthenticatorApp.SecondStepProblem;
import dev.cruxlog.support.AuthenticatorApp.SetUp;
import dev.cruxlog.support.AuthenticatorApp.TurnedOn;
import dev.cruxlog.support.Browser;
import dev.cruxlog.support.Browser.Page;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two-step sign-in (ASVS 6.3.3, 6.4.4, 6.5): set up with an authenticator app, asked for at the
 * token grant and on the sign-in page, every code single use, wrong codes throttled, recovery
 * codes spent once, a password reset that does not remove it, and administration that takes it.
 * Codes come from the RFC 6238 algorithm run on the key the set-up handed out, as an app would.
 */
@CruxlogIntegrationTest
class TwoStepSignInTest {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    Climbers climbers;

    @BeforeEach
    void setUp() {
        climbers = new Climbers(http);
    }

    record Status(boolean on, boolean settingUp, long unusedRecoveryCodes) {
    }


    @Test
    void theTokenGrantAsksForACodeOnceTwoStepIsOnAndEveryCodeWorksOnce() {
        Climber climber = climbers.verified("two-step-api");
        SetUp setUp = AuthenticatorApp.startSetUp(http, climber);
        AuthenticatorApp app = new AuthenticatorApp(setUp.key());
        assertThat(setUp.keyUri()).startsWith("otpauth://totp/Cruxlog:" + climber.username() + "?secret=" + setUp.key())
                .contains("issuer=Cruxlog");

        // Until it is confirmed nothing changes: the password alone still signs in.
        assertThat(climbers.tokens(climber.username(), climber.password()).accessToken()).isNotBlank();

        // A wrong first code does not turn it on; neither does a wrong password.
        http.post().uri("/api/v1/users/me/two-step/confirm").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("password", climber.password(), "code", app.wrongCode()))
                .exchange().expectStatus().isEqualTo(422);
        http.post().uri("/api/v1/users/me/two-step/confirm").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("password", "not my password", "code", app.codeNow()))
                .exchange().expectStatus().isForbidden();

        String first = app.codeNow();
        List<String> recovery = http.post().uri("/api/v1/users/me/two-step/confirm").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("password", climber.password(), "code", first))
                .exchange().expectStatus().isOk()
                .expectBody(AuthenticatorApp.RecoveryCodes.class).returnResult().getResponseBody().recoveryCodes();
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code).matches("[a-z2-7]{6}(-[a-z2-7]{6}){3}"));
        assertThat(TestMail.await(climber.email(), "Two-step sign-in is on")).isNotNull();
        // Only hashes are stored.
        assertThat(db.sql("SELECT count(*) FROM identity.recovery_code c JOIN identity.account a ON a.id = c.account_id "
                        + "WHERE a.username = :name AND octet_length(c.code_hash) = 32")
                .bind("name", climber.username()).map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(5)))
                .isEqualTo(10L);

        // ASVS 7.4.3: turning it on signed every device out, the API client's refresh token included.
        http.post().uri("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refresh_token", climber.refreshToken())).exchange().expectStatus().isUnauthorized();

        // The password alone now gets a challenge, not tokens.
        SecondStepProblem problem = http.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("login", climber.username(), "password", climber.password()))
                .exchange().expectStatus().isUnauthorized()
                .expectBody(SecondStepProblem.class).returnResult().getResponseBody();
        assertThat(problem.type()).endsWith("/second-factor-required");
        assertThat(problem.expiresIn()).isEqualTo(300L);
        String challenge = problem.challenge();

        // The code that turned it on was used: it does not work again (ASVS 6.5.1).
        secondStep(challenge, first).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").value(type -> assertThat((String) type).endsWith("/wrong-code"));
        // The next step's code does, once; the challenge is then used up.
        String next = app.codeOfNextStep();
        Climbers.Tokens tokens = climbers.secondStep(challenge, next);
        assertThat(tokens.accessToken()).isNotBlank();
        secondStep(challenge, app.codeOfNextStep()).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").value(type -> assertThat((String) type).endsWith("/sign-in-expired"));
        String again = climbers.secondStepChallenge(climber.username(), climber.password());
        secondStep(again, next).expectStatus().isUnauthorized();

        // A recovery code works once, typed as people do (upper case, spaces instead of dashes).
        String typed = recovery.get(0).toUpperCase().replace('-', ' ');
        assertThat(climbers.secondStep(again, typed).accessToken()).isNotBlank();
        String third = climbers.secondStepChallenge(climber.username(), climber.password());
        secondStep(third, recovery.get(0)).expectStatus().isUnauthorized();
        assertThat(status(tokens.accessToken()).unusedRecoveryCodes()).isEqualTo(9L);
    }

    @Test
    void wrongCodesAreThrottledPerAccountAndAChallengeExpires() {
        Climber climber = climbers.verified("two-step-guess");
        AuthenticatorApp app = AuthenticatorApp.turnOn(http, climber).app();
        String challenge = climbers.secondStepChallenge(climber.username(), climber.password());
        for (int guess = 0; guess < 5; guess++) {
            secondStep(challenge, app.wrongCode()).expectStatus().isUnauthorized();
        }
        // The sixth attempt is refused before it is checked, the right code included.
        secondStep(challenge, app.codeOfNextStep()).expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After");
        // Nor does a new challenge reset the count: it is the account's.
        String fresh = climbers.secondStepChallenge(climber.username(), climber.password());
        secondStep(fresh, app.codeOfNextStep()).expectStatus().isEqualTo(429);

        Climber other = climbers.verified("two-step-expiry");
        AuthenticatorApp otherApp = AuthenticatorApp.turnOn(http, other).app();
        String old = climbers.secondStepChallenge(other.username(), other.password());
        db.sql("UPDATE identity.sign_in_challenge SET expires_at = now() - interval '1 second' "
                        + "WHERE account_id = (SELECT id FROM identity.account WHERE username = :name)")
                .bind("name", other.username()).then().block(Duration.ofSeconds(5));
        secondStep(old, otherApp.codeOfNextStep()).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").value(type -> assertThat((String) type).endsWith("/sign-in-expired"));
        secondStep("not-a-challenge", "123456").expectStatus().isUnauthorized();
        secondStep("x".repeat(100), "y".repeat(64)).expectStatus().isUnauthorized();
    }

    @Test
    void aPasswordResetLeavesTwoStepOnAndTurningItOffTakesACode() {
        Climber climber = climbers.verified("two-step-reset");
        TurnedOn turnedOn = AuthenticatorApp.turnOn(http, climber);
        AuthenticatorApp app = turnedOn.app();

        // Someone with the old password, waiting at the code step.
        String waiting = climbers.secondStepChallenge(climber.username(), climber.password());
        http.post().uri("/api/v1/auth/password-reset").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", climber.email())).exchange().expectStatus().isAccepted();
        String token = TestMail.tokenIn(TestMail.await(climber.email(), "Reset your Cruxlog password"), "/reset-password");
        http.post().uri("/api/v1/auth/password-reset/confirm").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token, "password", "crimps on the overhang")).exchange().expectStatus().isNoContent();
        // The reset ended that sign-in too: a password given before it finishes nothing.
        secondStep(waiting, app.codeOfNextStep()).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").value(type -> assertThat((String) type).endsWith("/sign-in-expired"));

        // The emailed link replaced the password, not the second factor (ASVS 6.4.3).
        String challenge = climbers.secondStepChallenge(climber.username(), "crimps on the overhang");
        String access = climbers.secondStep(challenge, app.codeOfNextStep()).accessToken();
        Climbers.Tokens laptop = climbers.secondStep(climbers.secondStepChallenge(climber.username(), "crimps on the overhang"),
                turnedOn.recoveryCodes().get(1));

        // Off takes the password and a code; without a right code it stays on.
        http.post().uri("/api/v1/users/me/two-step/off").header("Authorization", "Bearer " + access)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("password", "crimps on the overhang", "code", app.wrongCode()))
                .exchange().expectStatus().isEqualTo(422);
        assertThat(status(access).on()).isTrue();
        // A setup cannot replace a key that is on.
        http.post().uri("/api/v1/users/me/two-step/setup").header("Authorization", "Bearer " + access)
                .exchange().expectStatus().isEqualTo(409);
        http.post().uri("/api/v1/users/me/two-step/off").header("Authorization", "Bearer " + access)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("password", "crimps on the overhang", "code", turnedOn.recoveryCodes().get(0)))
                .exchange().expectStatus().isNoContent();
        assertThat(TestMail.await(climber.email(), "Two-step sign-in was turned off")).isNotNull();
        // ASVS 7.4.3: turning it off ended the other sign-ins.
        http.post().uri("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refresh_token", laptop.refreshToken())).exchange().expectStatus().isUnauthorized();
        assertThat(climbers.tokens(climber.username(), "crimps on the overhang").accessToken()).isNotBlank();
    }

    @Test
    void newRecoveryCodesTakeTheCodeAsWellAsThePasswordAndEndTheOtherSignIns() {
        Climber climber = climbers.verified("two-step-codes");
        TurnedOn turnedOn = AuthenticatorApp.turnOn(http, climber);
        Climbers.Tokens phone = climbers.secondStep(climbers.secondStepChallenge(climber.username(), climber.password()),
                turnedOn.app().codeOfNextStep());
        Climbers.Tokens laptop = climbers.secondStep(climbers.secondStepChallenge(climber.username(), climber.password()),
                turnedOn.recoveryCodes().get(0));

        // A stolen session and the password are not enough to mint a second factor.
        http.post().uri("/api/v1/users/me/two-step/recovery-codes").header("Authorization", "Bearer " + phone.accessToken())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("password", climber.password()))
                .exchange().expectStatus().isBadRequest();
        http.post().uri("/api/v1/users/me/two-step/recovery-codes").header("Authorization", "Bearer " + phone.accessToken())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("password", climber.password(), "code", turnedOn.app().wrongCode()))
                .exchange().expectStatus().isEqualTo(422);
        List<String> fresh = http.post().uri("/api/v1/users/me/two-step/recovery-codes")
                .header("Authorization", "Bearer " + phone.accessToken()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("password", climber.password(), "code", turnedOn.recoveryCodes().get(1)))
                .exchange().expectStatus().isOk()
                .expectBody(AuthenticatorApp.RecoveryCodes.class).returnResult().getResponseBody().recoveryCodes();
        assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(turnedOn.recoveryCodes());
        assertThat(TestMail.await(climber.email(), "New recovery codes")).isNotNull();
        http.post().uri("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refresh_token", laptop.refreshToken())).exchange().expectStatus().isUnauthorized();

        String challenge = climbers.secondStepChallenge(climber.username(), climber.password());
        secondStep(challenge, turnedOn.recoveryCodes().get(2)).expectStatus().isUnauthorized();
        assertThat(climbers.secondStep(challenge, fresh.get(0)).accessToken()).isNotBlank();
    }

    @Test
    void aChallengeIsOneAccountsAndAKeyNotConfirmedInTimeIsVoid() {
        Climber ana = climbers.verified("two-step-ana");
        Climber ben = climbers.verified("two-step-ben");
        AuthenticatorApp anasApp = AuthenticatorApp.turnOn(http, ana).app();
        TurnedOn bens = AuthenticatorApp.turnOn(http, ben);
        String anasChallenge = climbers.secondStepChallenge(ana.username(), ana.password());
        // Ben's codes, his app's and his recovery codes, do nothing for Ana's sign-in.
        secondStep(anasChallenge, bens.app().codeOfNextStep()).expectStatus().isUnauthorized();
        secondStep(anasChallenge, bens.recoveryCodes().get(0)).expectStatus().isUnauthorized();
        assertThat(climbers.secondStep(anasChallenge, anasApp.codeOfNextStep()).accessToken()).isNotBlank();
        // ...and Ben's recovery code is still his.
        assertThat(climbers.secondStep(climbers.secondStepChallenge(ben.username(), ben.password()), bens.recoveryCodes().get(0))
                .accessToken()).isNotBlank();

        Climber slow = climbers.verified("two-step-slow");
        AuthenticatorApp slowApp = new AuthenticatorApp(AuthenticatorApp.startSetUp(http, slow).key());
        db.sql("UPDATE identity.two_step_key SET created_at = now() - interval '16 minutes' "
                        + "WHERE account_id = (SELECT id FROM identity.account WHERE username = :name)")
                .bind("name", slow.username()).then().block(Duration.ofSeconds(5));
        http.post().uri("/api/v1/users/me/two-step/confirm").header("Authorization", slow.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("password", slow.password(), "code", slowApp.codeNow()))
                .exchange().expectStatus().isEqualTo(409);
        assertThat(status(slow.accessToken())).isEqualTo(new Status(false, false, 0));
    }

    @Test
    void theSameCodeSentSeveralTimesAtOnceSignsInOnce() throws Exception {
        Climber climber = climbers.verified("two-step-race");
        TurnedOn turnedOn = AuthenticatorApp.turnOn(http, climber);
        String recovery = turnedOn.recoveryCodes().get(0);
        List<String> challenges = IntStream.range(0, 4)
                .mapToObj(i -> climbers.secondStepChallenge(climber.username(), climber.password())).toList();
        ExecutorService pool = Executors.newFixedThreadPool(challenges.size());
        try {
            List<Integer> statuses = concurrently(pool, challenges, turnedOn.app().codeOfNextStep());
            // The UPDATE that records the step lets one request through, whatever the reads before it saw.
            assertThat(statuses).containsOnly(200, 401).filteredOn(status -> status == 200).hasSize(1);

            // The same for one recovery code on four fresh challenges (the account's limit of wrong
            // codes may now refuse some before they are checked: 429).
            List<String> more = IntStream.range(0, 4)
                    .mapToObj(i -> climbers.secondStepChallenge(climber.username(), climber.password())).toList();
            assertThat(concurrently(pool, more, recovery)).containsOnly(200, 401, 429)
                    .filteredOn(status -> status == 200).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sends the code with each challenge at once; answers the statuses. */
    private List<Integer> concurrently(ExecutorService pool, List<String> challenges, String code) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (String challenge : challenges) {
            answers.add(pool.submit(() -> {
                start.await();
                return secondStep(challenge, code).returnResult(String.class).getStatus().value();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(30, TimeUnit.SECONDS));
        }
        return statuses;
    }

    @Test
    void administrationTakesTwoStepSignIn() {
        Climber climber = climbers.verified("would-be-admin");
        db.sql("UPDATE identity.account SET roles = ARRAY['USER', 'ADMIN'] WHERE username = :name")
                .bind("name", climber.username()).then().block(Duration.ofSeconds(5));
        String withoutTwoStep = climbers.tokens(climber.username(), climber.password()).accessToken();
        http.get().uri("/api/v1/platform/info").header("Authorization", "Bearer " + withoutTwoStep)
                .exchange().expectStatus().isForbidden();

        // Nor through a page session.
        Browser browser = new Browser(http);
        browser.get("/signin");
        browser.post("/signin", Map.of("login", climber.username(), "password", climber.password()));
        http.get().uri("/api/v1/platform/info").cookie("CRUXLOG_SESSION", browser.cookies().get("CRUXLOG_SESSION"))
                .exchange().expectStatus().isForbidden();

        Climber admin = climbers.admin("two-step-admin", db);
        http.get().uri("/api/v1/platform/info").header("Authorization", admin.bearer()).exchange().expectStatus().isOk();

        // An owner who lost the phone and the codes, once they proved who they are: an administrator turns it off.
        Climber lost = climbers.verified("two-step-lost");
        AuthenticatorApp.turnOn(http, lost);
        // Only an administrator (with two-step sign-in) can.
        http.post().uri("/api/v1/admin/accounts/{id}/two-step/off", accountId(lost)).header("Authorization", "Bearer " + withoutTwoStep)
                .exchange().expectStatus().isForbidden();
        climbers.secondStepChallenge(lost.username(), lost.password());
        http.post().uri("/api/v1/admin/accounts/{id}/two-step/off", accountId(lost)).header("Authorization", admin.bearer())
                .exchange().expectStatus().isNoContent();
        assertThat(TestMail.await(lost.email(), "Two-step sign-in was turned off")).isNotNull();
        assertThat(climbers.tokens(lost.username(), lost.password()).accessToken()).isNotBlank();
    }

    private UUID accountId(Climber climber) {
        return db.sql("SELECT id FROM identity.account WHERE username = :name").bind("name", climber.username())
                .map(row -> row.get("id", UUID.class)).one().block(Duration.ofSeconds(5));
    }

    @Test
    void thePagesSetItUpAndAskForTheCode() {
        Climber climber = climbers.verified("two-step-pages");
        Browser browser = new Browser(http);
        browser.get("/signin");
        assertThat(browser.post("/signin", Map.of("login", climber.username(), "password", climber.password())).status().value())
                .isEqualTo(303);

        browser.get("/account");
        Page setUp = browser.post("/account/two-step/setup", Map.of());
        assertThat(setUp.status().value()).isEqualTo(200);
        assertThat(setUp.document().select("#two-step svg.qr-code path").attr("d")).startsWith("M");
        AuthenticatorApp app = new AuthenticatorApp(setUp.document().select("#two-step code.totp-key").text());

        String before = browser.cookies().get("CRUXLOG_SESSION");
        Page on = browser.post("/account/two-step/confirm", Map.of("twoStepCode", app.codeNow(), "twoStepPassword", climber.password()));
        assertThat(on.status().value()).isEqualTo(200);
        List<String> recovery = on.document().select("#two-step .recovery-codes code").eachText();
        assertThat(recovery).hasSize(10);
        // This browser stays signed in, with a new session (ASVS 7.2.4); the old one is over.
        assertThat(browser.cookies().get("CRUXLOG_SESSION")).isNotEqualTo(before);
        http.get().uri("/account").accept(MediaType.TEXT_HTML).cookie("CRUXLOG_SESSION", before).exchange().expectStatus().isSeeOther();
        assertThat(browser.get("/account").document().select("#two-step").text()).contains("10 of 10 recovery codes left");
        Page codes = browser.post("/account/two-step/recovery-codes", Map.of("codesCode", recovery.get(9), "codesPassword", climber.password()));
        assertThat(codes.document().select("#two-step .recovery-codes code").eachText()).hasSize(10).doesNotContainAnyElementsOf(recovery);
        recovery = codes.document().select("#two-step .recovery-codes code").eachText();

        Browser phone = new Browser(http);
        phone.get("/signin");
        Page askCode = phone.post("/signin", Map.of("login", climber.username(), "password", climber.password(), "next", "/logbook"));
        assertThat(askCode.status().value()).isEqualTo(200);
        assertThat(askCode.document().select("input[name=code]")).hasSize(1);
        assertThat(phone.cookies()).doesNotContainKey("CRUXLOG_SESSION");

        Page wrong = phone.post("/signin/code", Map.of("challenge", askCode.document().select("input[name=challenge]").attr("value"),
                "code", app.wrongCode(), "next", "/logbook"));
        assertThat(wrong.status().value()).isEqualTo(401);
        assertThat(wrong.document().select("#code-error").text()).contains("not right");
        Page signedIn = phone.post("/signin/code", Map.of("challenge", wrong.document().select("input[name=challenge]").attr("value"),
                "code", recovery.get(3), "next", "/logbook"));
        assertThat(signedIn.status().value()).isEqualTo(303);
        assertThat(signedIn.location()).isEqualTo("/logbook");
        assertThat(phone.get("/account").status().value()).isEqualTo(200);
    }

    private Status status(String accessToken) {
        return http.get().uri("/api/v1/users/me/two-step").header("Authorization", "Bearer " + accessToken)
                .exchange().expectStatus().isOk().expectBody(Status.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec secondStep(String challenge, String code) {
        return http.post().uri("/api/v1/auth/token/second-step").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("challenge", challenge, "code", code)).exchange();
    }
}
