package dev.cruxlog.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.DatabaseRows;
import dev.cruxlog.support.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Issue #15, point 4: the outbox keeps a reset or verification link only until the email is
 * delivered; after that the server holds no copy of the token.
 */
@CruxlogIntegrationTest
class EmailSecretsTest {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Test
    void aDeliveredEmailsLinkIsForgotten() {
        String username = Climbers.uniqueName("forget");
        String email = username + "@example.test";
        new Climbers(http).register(email, username, "granite slab " + username);
        String token = TestMail.tokenIn(TestMail.await(email, "Confirm your email"), "/verify-email");
        assertThat(token).isNotBlank();

        DatabaseRows rows = new DatabaseRows(db);
        Map<String, Object> recipient = Map.of("to", email);
        // Delivered (the SMTP server has it); marked sent a moment later.
        Flux.interval(Duration.ZERO, Duration.ofMillis(100)).publishOn(Schedulers.boundedElastic())
                .filter(tick -> rows.count("SELECT count(*) FROM notifications.outbox WHERE recipient = :to AND sent_at IS NOT NULL",
                        recipient) == 1)
                .next().block(Duration.ofSeconds(20));
        assertThat(rows.count("SELECT count(*) FROM notifications.outbox WHERE recipient = :to AND action_url IS NOT NULL",
                recipient)).as("links kept after delivery").isZero();
        assertThat(rows.count("SELECT count(*) FROM notifications.outbox WHERE position(:token in coalesce(action_url, '')) > 0",
                Map.of("token", token))).isZero();
    }
}
