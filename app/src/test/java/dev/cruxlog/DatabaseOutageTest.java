package dev.cruxlog;

import java.time.Duration;

import dev.cruxlog.platform.database.DatabaseUrl;
import dev.cruxlog.platform.testing.TcpProxy;
import dev.cruxlog.platform.testing.TestDatabase;
import dev.cruxlog.support.Climbers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * PostgreSQL goes away while the app runs, then comes back. The app sits behind a TCP
 * proxy the test can cut: health turns DOWN, API calls fail fast with problem+json 503
 * (bounded by the pool's acquire timeout, never hanging), and once the proxy is restored
 * everything recovers without restarting the application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.r2dbc.pool.max-acquire-time=2s",
        "spring.r2dbc.pool.max-create-connection-time=2s",
        "cruxlog.database.connect-timeout=2s",
        "cruxlog.jobs.enabled=false"})
@AutoConfigureWebTestClient(timeout = "20s")
@ActiveProfiles("test")
class DatabaseOutageTest {

    private static final TestDatabase database = TestDatabase.shared();
    private static final TcpProxy proxy = new TcpProxy(database.url().host(), database.url().port());

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry registry) {
        DatabaseUrl direct = database.url();
        DatabaseUrl proxied = new DatabaseUrl("127.0.0.1", proxy.port(), direct.database(), direct.username(),
                direct.password(), direct.params());
        registry.add("cruxlog.database.url", proxied::toUrlString);
    }

    @AfterAll
    static void closeProxy() {
        proxy.close();
    }

    @Test
    void healthAndApiFollowTheDatabaseDownAndBackUp() {
        // The platform's info is for administrators; its token is checked without the database.
        String admin = new Climbers(http).admin("outage", db).bearer();
        http.get().uri("/api/v1/platform/info").header("Authorization", admin).exchange().expectStatus().isOk();
        http.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.r2dbc.status").isEqualTo("UP");

        proxy.cut();

        http.get().uri("/api/v1/platform/info").header("Authorization", admin).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Retry-After")
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.title").isEqualTo("Service temporarily unavailable")
                .jsonPath("$.requestId").exists();
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.status").isEqualTo("DOWN")
                .jsonPath("$.components.r2dbc.status").isEqualTo("DOWN");

        proxy.restore();

        awaitHealthy();
        http.get().uri("/api/v1/platform/info").header("Authorization", admin).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.schemaVersions.platform").isEqualTo("1");
    }

    /** The pool may still hold a dead connection or two; validation discards them. */
    private void awaitHealthy() {
        Flux.interval(Duration.ZERO, Duration.ofMillis(200))
                .publishOn(Schedulers.boundedElastic())
                .map(tick -> http.get().uri("/actuator/health").exchange().returnResult(String.class).getStatus().value())
                .filter(status -> status == 200)
                .next()
                .block(Duration.ofSeconds(30));
    }
}
