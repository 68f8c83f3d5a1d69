package dev.cruxlog.logbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import dev.cruxlog.platform.testing.IsolatedTestDatabaseInitializer;
import dev.cruxlog.support.TestMailInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.SharedExports;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Importing by profile address, against a real HTTP peer on loopback (MockWebServer)
 * serving a recorded export, a missing profile, and a private profile's sign-in page.
 * Its own database: its Mountain Project address differs from the shared contexts'.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@ActiveProfiles("test")
@ContextConfiguration(initializers = {IsolatedTestDatabaseInitializer.class, TestMailInitializer.class})
class MountainProjectProfileImportTest {

    private static final MockWebServer mountainProject = new MockWebServer();

    static {
        try {
            mountainProject.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void pointAtTheRecordedSite(DynamicPropertyRegistry registry) {
        registry.add("cruxlog.logbook.mountain-project.base-url", () -> mountainProject.url("/").toString());
    }

    @AfterAll
    static void stop() throws IOException {
        mountainProject.shutdown();
    }

    @Autowired
    WebTestClient http;

    @Test
    void aPublicProfilesTicksAreFetchedAndImported() throws Exception {
        Climber climber = new Climbers(http).verified("mp-profile");
        mountainProject.enqueue(new MockResponse().setResponseCode(200).addHeader("Content-Type", "text/csv")
                .setBody(new Buffer().write(SharedExports.bytes("mountain-project/ticks-small-4.csv"))));

        Map<String, Object> done = importProfile(climber, "mountainproject.com/user/200123456/alex-h/?tab=ticks");
        assertThat(done.get("status")).isEqualTo("succeeded");
        assertThat(done.get("ticksAdded")).isEqualTo(4);
        RecordedRequest request = mountainProject.takeRequest();
        assertThat(request.getPath()).isEqualTo("/user/200123456/alex-h/tick-export");
    }

    @Test
    void aMissingProfileFailsTheImportWithAClearReason() {
        Climber climber = new Climbers(http).verified("mp-missing");
        mountainProject.enqueue(new MockResponse().setResponseCode(404).setBody("Not found"));
        Map<String, Object> done = importProfile(climber, "https://www.mountainproject.com/user/1/nobody");
        assertThat(done.get("status")).isEqualTo("failed");
        assertThat(done.get("error").toString()).contains("no such profile");
    }

    @Test
    void aPrivateProfileShowingASignInPageFailsClearly() {
        Climber climber = new Climbers(http).verified("mp-private");
        mountainProject.enqueue(new MockResponse().setResponseCode(200).addHeader("Content-Type", "text/html")
                .setBody("<!DOCTYPE html><html><body><form action=/auth/login>Sign in</form></body></html>"));
        Map<String, Object> done = importProfile(climber, "https://www.mountainproject.com/user/2/private-person");
        assertThat(done.get("status")).isEqualTo("failed");
        assertThat(done.get("error").toString()).contains("private");
    }

    @Test
    void redirectsStayOnTheSiteAndAnotherSiteIsNeverContacted() throws Exception {
        Climber climber = new Climbers(http).verified("mp-redirect");
        try (MockWebServer elsewhere = new MockWebServer()) {
            elsewhere.start();
            // Within the site: followed.
            String sameSite = mountainProject.url("/user/3/moved/tick-export").toString();
            mountainProject.enqueue(new MockResponse().setResponseCode(301).addHeader("Location", sameSite));
            mountainProject.enqueue(new MockResponse().setResponseCode(200).addHeader("Content-Type", "text/csv")
                    .setBody(new Buffer().write(SharedExports.bytes("mountain-project/ticks-small-4.csv"))));
            Map<String, Object> moved = importProfile(climber, "https://www.mountainproject.com/user/3/renamed");
            assertThat(moved.get("status")).isEqualTo("succeeded");
            assertThat(moved.get("ticksAdded")).isEqualTo(4);

            // Another port on the same machine is another site.
            String otherSite = elsewhere.url("/steal").toString();
            mountainProject.enqueue(new MockResponse().setResponseCode(302).addHeader("Location", otherSite));
            Map<String, Object> away = importProfile(climber, "https://www.mountainproject.com/user/4/sent-away");
            assertThat(away.get("status")).isEqualTo("failed");
            assertThat(away.get("error").toString()).contains("another site");
            assertThat(elsewhere.getRequestCount()).isZero();
        }
    }

    @Test
    void anExportOverTheSizeLimitFailsSayingSo() {
        Climber climber = new Climbers(http).verified("mp-huge");
        byte[] export = SharedExports.bytes("mountain-project/ticks-sport-trad-567.csv");
        Buffer huge = new Buffer();
        while (huge.size() <= 21L * 1024 * 1024) {
            huge.write(export);
        }
        mountainProject.enqueue(new MockResponse().setResponseCode(200).addHeader("Content-Type", "text/csv").setBody(huge));
        Map<String, Object> done = importProfile(climber, "https://www.mountainproject.com/user/5/prolific");
        assertThat(done.get("status")).isEqualTo("failed");
        assertThat(done.get("error").toString()).contains("larger than 20 MB");
        assertThat(done.get("ticksAdded")).isEqualTo(0);
    }

    @Test
    void addressesOfOtherSitesAreRefusedBeforeAnythingIsFetched() {
        Climber climber = new Climbers(http).verified("mp-ssrf");
        int before = mountainProject.getRequestCount();
        http.post().uri("/api/v1/logbook/imports").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("source", "mountain-project", "profileUrl", "http://169.254.169.254/user/1/latest"))
                .exchange().expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mountainProject.getRequestCount()).isEqualTo(before);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> importProfile(Climber climber, String profileUrl) {
        Map<String, Object> started = http.post().uri("/api/v1/logbook/imports").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("source", "mountain-project", "profileUrl", profileUrl))
                .exchange().expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody();
        String id = started.get("id").toString();
        return Flux.interval(Duration.ZERO, Duration.ofMillis(200))
                .publishOn(Schedulers.boundedElastic())
                .map(tick -> (Map<String, Object>) http.get().uri("/api/v1/logbook/imports/" + id)
                        .header("Authorization", climber.bearer()).exchange()
                        .expectBody(Map.class).returnResult().getResponseBody())
                .filter(found -> "succeeded".equals(found.get("status")) || "failed".equals(found.get("status")))
                .blockFirst(Duration.ofSeconds(60));
    }
}
