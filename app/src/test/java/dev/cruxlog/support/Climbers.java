package dev.cruxlog.support;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cruxlog.identity.domain.Totp;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Creates verified climbers through the public API, exactly as a client would: register,
 * follow the emailed link, ask for tokens. Names are unique per JVM run.
 */
public final class Climbers {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final WebTestClient http;

    public Climbers(WebTestClient http) {
        this.http = http;
    }

    public record Climber(String username, String email, String password, String accessToken, String refreshToken) {

        public String bearer() {
            return "Bearer " + accessToken;
        }
    }

    public record Tokens(@JsonProperty("access_token") String accessToken,
                         @JsonProperty("refresh_token") String refreshToken,
                         @JsonProperty("token_type") String tokenType,
                         @JsonProperty("expires_in") long expiresIn) {
    }

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    /** A fresh address in 198.18.0.0/15, the block set aside for tests (RFC 2544). */
    public static String nextAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198." + (18 + (n >> 16 & 1)) + "." + (n >> 8 & 0xFF) + "." + (n & 0xFF);
    }

    public static String uniqueName(String base) {
        return base + "-" + ProcessHandle.current().pid() % 1000 + "-" + SEQUENCE.incrementAndGet();
    }

    public Climber verified(String base) {
        String username = uniqueName(base);
        String email = username + "@example.test";
        String password = "granite slab " + username;
        register(email, username, password);
        String token = TestMail.tokenIn(TestMail.await(email, "Confirm your email"), "/verify-email");
        http.post().uri("/api/v1/auth/verify-email").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token)).exchange().expectStatus().isNoContent();
        Tokens tokens = tokens(username, password);
        return new Climber(username, email, password, tokens.accessToken(), tokens.refreshToken());
    }

    /**
     * Registers from an address of its own (X-Forwarded-For, which the test profile believes
     * from loopback), as different climbers would: sign-ups are limited per address.
     */
    /**
     * An administrator, made in the database as an operator would (verified there too, so it
     * works where no email is delivered), with two-step sign-in on (administration takes it)
     * and fresh tokens from both sign-in steps.
     */
    public Climber admin(String base, DatabaseClient db) {
        String username = uniqueName(base);
        String password = "granite slab " + username;
        register(username + "@example.test", username, password);
        byte[] key = new byte[Totp.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        db.sql("UPDATE identity.account SET roles = ARRAY['USER', 'ADMIN'], email_verified_at = now() WHERE username = :name")
                .bind("name", username).then()
                .then(db.sql("INSERT INTO identity.two_step_key (account_id, key, confirmed_at) "
                                + "SELECT id, :key, now() FROM identity.account WHERE username = :name")
                        .bind("key", key).bind("name", username).then())
                .block(Duration.ofSeconds(10));
        String challenge = secondStepChallenge(username, password);
        Tokens tokens = secondStep(challenge, Totp.code(key, Totp.stepAt(Instant.now())));
        return new Climber(username, username + "@example.test", password, tokens.accessToken(), tokens.refreshToken());
    }

    /** The challenge the token grant answers, with a 401, for an account with two-step sign-in. */
    public String secondStepChallenge(String login, String password) {
        return http.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("login", login, "password", password))
                .exchange().expectStatus().isUnauthorized()
                .expectBody(AuthenticatorApp.SecondStepProblem.class).returnResult().getResponseBody().challenge();
    }

    public Tokens secondStep(String challenge, String code) {
        return http.post().uri("/api/v1/auth/token/second-step").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("challenge", challenge, "code", code))
                .exchange().expectStatus().isOk()
                .expectBody(Tokens.class).returnResult().getResponseBody();
    }

    public void register(String email, String username, String password) {
        http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", nextAddress())
                .bodyValue(Map.of("email", email, "username", username, "password", password))
                .exchange().expectStatus().isCreated();
    }

    public Tokens tokens(String login, String password) {
        return http.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("login", login, "password", password))
                .exchange().expectStatus().isOk()
                .expectBody(Tokens.class).returnResult().getResponseBody();
    }
}
