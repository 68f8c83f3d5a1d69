package dev.cruxlog.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.support.Browser;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.DatabaseRows;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue #15, points 5 and 7: one address cannot create accounts or sample logbooks without
 * end, and nobody can make Cruxlog mail an inbox over and over. (The test profile believes
 * X-Forwarded-For from loopback, as prod does behind a local proxy, so each test picks the
 * address it claims.)
 */
@CruxlogIntegrationTest
class SendingLimitsTest {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Test
    void oneAddressCreatesAtMostTenAccountsAnHour() {
        String address = Climbers.nextAddress();
        for (int i = 0; i < 10; i++) {
            register(address, Climbers.uniqueName("burst")).expectStatus().isCreated();
        }
        register(address, Climbers.uniqueName("burst")).expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After");
        // Another address is not affected.
        register(Climbers.nextAddress(), Climbers.uniqueName("other")).expectStatus().isCreated();
    }

    @Test
    void signingUpWithSomeonesAddressMailsThemAFewTimesAnHourAndAnswersTheSameAlways() {
        Climber owner = new Climbers(http).verified("owner");
        for (int i = 0; i < 6; i++) {
            http.post().uri("/api/v1/auth/register").header("X-Forwarded-For", Climbers.nextAddress())
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("email", owner.email(), "username", Climbers.uniqueName("copycat"),
                            "password", "granite slab copycat"))
                    .exchange().expectStatus().isCreated();
        }
        assertThat(new DatabaseRows(db).count("SELECT count(*) FROM notifications.outbox WHERE recipient = :to "
                + "AND template = 'ACCOUNT_EXISTS'", Map.of("to", owner.email()))).isEqualTo(3);
    }

    @Test
    void anEmailChangeMailsTheNewAddressAtMostThreeTimesAnHour() {
        Climber climber = new Climbers(http).verified("changer");
        String target = "victim-" + climber.email();
        for (int i = 0; i < 3; i++) {
            changeEmail(climber, target).expectStatus().isAccepted();
        }
        changeEmail(climber, target).expectStatus().isEqualTo(429);
        assertThat(new DatabaseRows(db).count("SELECT count(*) FROM notifications.outbox WHERE recipient = :to",
                Map.of("to", target))).isEqualTo(3);
    }

    @Test
    void oneAddressOpensAtMostFiveSampleLogbooksAnHour() {
        Browser browser = new Browser(http.mutate().defaultHeader("X-Forwarded-For", Climbers.nextAddress()).build());
        for (int i = 0; i < 5; i++) {
            browser.get("/");
            assertThat(browser.post("/try", Map.of()).status().value()).isEqualTo(303);
        }
        browser.get("/");
        assertThat(browser.post("/try", Map.of()).status().value()).isEqualTo(429);
    }

    private WebTestClient.ResponseSpec register(String address, String username) {
        return http.post().uri("/api/v1/auth/register").header("X-Forwarded-For", address)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", username + "@example.test", "username", username,
                        "password", "granite slab " + username))
                .exchange();
    }

    private WebTestClient.ResponseSpec changeEmail(Climber climber, String newEmail) {
        return http.post().uri("/api/v1/users/me/email").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("newEmail", newEmail, "password", climber.password()))
                .exchange();
    }
}
