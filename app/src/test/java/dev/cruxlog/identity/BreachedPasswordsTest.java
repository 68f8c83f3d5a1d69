package dev.cruxlog.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * ASVS 6.2.12: new passwords are refused when Pwned Passwords lists them, on sign-up, change and
 * reset alike, with a local peer answering the range API's real format (padding included).
 * While the peer is down, passwords are let through (the common-password list still applies).
 */
@CruxlogIntegrationTest
class BreachedPasswordsTest {

    /** Long, uncommon, and "breached" here: only the peer's list makes them wrong. */
    private static final List<String> BREACHED = List.of("mossy boulder sit start 1987", "chalk bucket on the approach");

    private static final List<String> askedPrefixes = new CopyOnWriteArrayList<>();
    private static volatile boolean down;
    private static final MockWebServer corpus = start();

    @Autowired
    WebTestClient http;

    private static MockWebServer start() {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (down) {
                    return new MockResponse().setResponseCode(503);
                }
                String prefix = request.getPath().substring("/range/".length());
                askedPrefixes.add(prefix);
                StringBuilder body = new StringBuilder();
                for (String password : BREACHED) {
                    String hash = sha1(password);
                    if (hash.startsWith(prefix)) {
                        body.append(hash.substring(5)).append(":42\r\n");
                    }
                }
                for (int i = 0; i < 500; i++) {
                    body.append(String.format("%035X", (long) i * 104729 + 3)).append(":0\r\n");
                }
                return new MockResponse().setBody(body.toString());
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return server;
    }

    @DynamicPropertySource
    static void pointAtTheCorpus(DynamicPropertyRegistry registry) {
        registry.add("cruxlog.identity.breached-passwords.url", () -> corpus.url("/").toString());
    }

    @AfterAll
    static void stop() throws IOException {
        corpus.shutdown();
    }

    @Test
    void aBreachedPasswordIsRefusedAtSignUpChangeAndReset() {
        Climbers climbers = new Climbers(http);
        String username = Climbers.uniqueName("pwned");
        http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", Climbers.nextAddress())
                .bodyValue(Map.of("email", username + "@example.test", "username", username, "password", BREACHED.get(0)))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("password")
                .jsonPath("$.errors[0].message").value(String.class, m -> assertThat(m).contains("known data breaches"));
        assertThat(askedPrefixes).contains(sha1(BREACHED.get(0)).substring(0, 5));

        Climber climber = climbers.verified("pwned-change");
        http.post().uri("/api/v1/users/me/password").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", climber.password(), "newPassword", BREACHED.get(1)))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("newPassword");
        // The old password still works: nothing was changed.
        assertThat(climbers.tokens(climber.username(), climber.password()).accessToken()).isNotBlank();

        http.post().uri("/api/v1/auth/password-reset").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", climber.email())).exchange().expectStatus().isAccepted();
        String token = dev.cruxlog.support.TestMail.tokenIn(
                dev.cruxlog.support.TestMail.await(climber.email(), "Reset your Cruxlog password"), "/reset-password");
        http.post().uri("/api/v1/auth/password-reset/confirm").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token, "password", BREACHED.get(0)))
                .exchange().expectStatus().isBadRequest();
        // The link was not used up by the refused password.
        http.post().uri("/api/v1/auth/password-reset/confirm").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token, "password", "a route nobody has climbed yet"))
                .exchange().expectStatus().isNoContent();
    }

    @Test
    void whileTheCorpusIsDownPasswordsAreLetThrough() {
        down = true;
        try {
            String username = Climbers.uniqueName("pwned-down");
            http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                    .header("X-Forwarded-For", Climbers.nextAddress())
                    .bodyValue(Map.of("email", username + "@example.test", "username", username, "password", BREACHED.get(1)))
                    .exchange().expectStatus().isCreated();
        } finally {
            down = false;
        }
    }

    private static String sha1(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().withUpperCase().formatHex(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
