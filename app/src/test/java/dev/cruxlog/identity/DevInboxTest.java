package dev.cruxlog.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cruxlog.platform.testing.IsolatedTestDatabaseInitializer;
import dev.cruxlog.support.Climbers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Development without SMTP: emails are logged and listed at /dev/mail, where the link in
 * them can be followed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cruxlog.mail.dev-inbox=true")
@AutoConfigureWebTestClient(timeout = "30s")
@ActiveProfiles("test")
@ContextConfiguration(initializers = IsolatedTestDatabaseInitializer.class)
class DevInboxTest {

    @Autowired
    WebTestClient http;

    @Test
    void withoutSmtpTheVerificationEmailAppearsInTheDevInboxAndItsLinkWorks() {
        String username = Climbers.uniqueName("dev-inbox");
        new Climbers(http).register(username + "@example.test", username, "dev inbox passphrase");

        String inbox = Flux.interval(Duration.ZERO, Duration.ofMillis(200))
                .publishOn(Schedulers.boundedElastic())
                .map(tick -> http.get().uri("/dev/mail").accept(MediaType.TEXT_HTML).exchange()
                        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody())
                .filter(html -> html.contains(username + "@example.test") && !html.contains(">queued<"))
                .blockFirst(Duration.ofSeconds(30));
        assertThat(inbox).contains("Confirm your email address for Cruxlog");

        Matcher token = Pattern.compile("/verify-email\\?token=([A-Za-z0-9_-]+)").matcher(inbox);
        assertThat(token.find()).isTrue();
        http.post().uri("/api/v1/auth/verify-email").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token.group(1))).exchange().expectStatus().isNoContent();
    }
}
