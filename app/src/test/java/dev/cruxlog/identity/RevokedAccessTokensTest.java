package dev.cruxlog.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.identity.application.AccessTokenCutoffs;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.DatabaseRows;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Issue #15, point 9: an access token stops writing the moment its account is deleted or
 * deactivated, changes its password or signs out; before, the old token created ticks and
 * conversations under an account that no longer existed.
 */
@CruxlogIntegrationTest
class RevokedAccessTokensTest {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Test
    void afterDeletionTheOldTokenWritesNothingAndMeIs401() {
        Climber climber = new Climbers(http).verified("deleted");
        addTick(climber.bearer()).expectStatus().isCreated();
        http.method(HttpMethod.DELETE).uri("/api/v1/users/me").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("password", climber.password()))
                .exchange().expectStatus().isNoContent();

        addTick(climber.bearer()).expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/v1/coach/conversations").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("title", "orphan"))
                .exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/v1/users/me").header("Authorization", climber.bearer()).exchange().expectStatus().isUnauthorized();
        assertThat(new DatabaseRows(db).count("SELECT count(*) FROM logbook.tick t WHERE NOT EXISTS "
                + "(SELECT 1 FROM identity.account a WHERE a.id = t.owner_id)")).as("orphaned ticks").isZero();
    }

    @Test
    void afterDeactivationThePasswordChangeOrSignOutTheOldTokenWritesNothing() {
        Climbers climbers = new Climbers(http);

        Climber deactivated = climbers.verified("deactivated");
        http.post().uri("/api/v1/users/me/deactivate").header("Authorization", deactivated.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("password", deactivated.password()))
                .exchange().expectStatus().isNoContent();
        addTick(deactivated.bearer()).expectStatus().isUnauthorized();
        readTicks(deactivated.bearer()).expectStatus().isUnauthorized();

        Climber changed = climbers.verified("changed");
        http.post().uri("/api/v1/users/me/password").header("Authorization", changed.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", changed.password(), "newPassword", "a new long passphrase"))
                .exchange().expectStatus().isNoContent();
        addTick(changed.bearer()).expectStatus().isUnauthorized();
        readTicks(changed.bearer()).expectStatus().isUnauthorized();
        addTick("Bearer " + climbers.tokens(changed.username(), "a new long passphrase").accessToken()).expectStatus().isCreated();

        Climber signedOut = climbers.verified("signedout");
        http.post().uri("/api/v1/auth/logout").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refresh_token", signedOut.refreshToken())).exchange().expectStatus().isNoContent();
        addTick(signedOut.bearer()).expectStatus().isUnauthorized();
        // ASVS 7.4.1: reads end at once too, not when the token expires.
        readTicks(signedOut.bearer()).expectStatus().isUnauthorized();
    }

    @Test
    void aCutoffMadeOnAnotherInstanceEndsReadsHereAsSoonAsItIsHeard() {
        Climber climber = new Climbers(http).verified("elsewhere");
        readTicks(climber.bearer()).expectStatus().isOk();
        String id = http.get().uri("/api/v1/users/me").header("Authorization", climber.bearer()).exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();

        // What another instance's sign-out sends when its transaction commits.
        db.sql("SELECT pg_notify('" + AccessTokenCutoffs.CHANNEL + "', :payload)")
                .bind("payload", id + " " + Instant.now().toEpochMilli()).fetch().rowsUpdated().block(Duration.ofSeconds(10));

        Integer status = Flux.interval(Duration.ZERO, Duration.ofMillis(50))
                .publishOn(Schedulers.boundedElastic())
                .map(tick -> readTicks(climber.bearer()).returnResult(String.class).getStatus().value())
                .filter(code -> code == 401)
                .next()
                .block(Duration.ofSeconds(10));
        assertThat(status).isEqualTo(401);
    }

    @Test
    void aTokenNamesItsKeyWithoutAHashOfTheSecret() {
        // Issue #15, point 13: the "kid" was the key's SHA-256 thumbprint.
        Climber climber = new Climbers(http).verified("kid");
        String header = new String(Base64.getUrlDecoder().decode(climber.accessToken().split("\\.")[0]), StandardCharsets.UTF_8);
        assertThat(header).contains("\"kid\":\"cruxlog-hs256\"").contains("\"alg\":\"HS256\"");
    }

    private WebTestClient.ResponseSpec addTick(String bearer) {
        return http.post().uri("/api/v1/logbook/ticks").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("route", "After the fact", "date", "2024-05-01", "grade", "5.10a",
                        "discipline", "sport", "style", "redpoint"))
                .exchange();
    }

    private WebTestClient.ResponseSpec readTicks(String bearer) {
        return http.get().uri("/api/v1/logbook/ticks").header("Authorization", bearer).exchange();
    }
}
