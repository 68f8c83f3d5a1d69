package dev.cruxlog.logbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cruxlog.platform.testing.IsolatedTestDatabaseInitializer;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.LogbookImports;
import dev.cruxlog.support.SharedExports;
import dev.cruxlog.support.TestMailInitializer;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The 8a.nu profile reader against a real HTTP peer on loopback. MockWebServer plays 8a.nu
 * with recorded pages built from the shared ascent JSON: a robots.txt, profile pages (public,
 * behind a sign-in wall), and the ascents JSON in pages of 50, with a 429 on the way. Its own
 * database, because its 8a.nu address differs from the shared contexts'.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@ActiveProfiles("test")
@ContextConfiguration(initializers = {IsolatedTestDatabaseInitializer.class, TestMailInitializer.class})
class EightAProfileImportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MockWebServer eightA = new MockWebServer();
    private static final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    /** Paths that answer 429 the first time they are asked for. */
    private static final Map<String, AtomicInteger> throttledOnce = new ConcurrentHashMap<>();
    private static final List<JsonNode> ASCENTS = new ArrayList<>();

    static {
        JSON.readTree(SharedExports.bytes("eight-a/ascents-boulder-178.json")).path("ascents").forEach(ASCENTS::add);
        eightA.setDispatcher(new RecordedEightA());
        try {
            eightA.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void pointAtTheRecordedSite(DynamicPropertyRegistry registry) {
        registry.add("cruxlog.logbook.eight-a.base-url", () -> eightA.url("/").toString().replaceAll("/$", ""));
        registry.add("cruxlog.logbook.eight-a.request-interval", () -> "20ms");
        registry.add("cruxlog.logbook.eight-a.max-retry-after", () -> "5s");
    }

    @AfterAll
    static void stop() throws IOException {
        eightA.shutdown();
    }

    @Autowired
    WebTestClient http;

    LogbookImports imports;

    @BeforeEach
    void setUp() {
        imports = new LogbookImports(http);
        requests.clear();
    }

    @Test
    void aPublicProfileIsReadPageByPageThroughA429AndImportedWhole() {
        Climber climber = new Climbers(http).verified("eight-a-profile");
        throttledOnce.put("chris-rush:bouldering:1", new AtomicInteger());

        Map<String, Object> done = imports.fromProfile(climber, Map.of("source", "eight-a", "profileSlug", "chris-rush"));

        assertThat(done.get("status")).as("%s", done).isEqualTo("succeeded");
        assertThat(done.get("source")).isEqualTo("eight-a");
        assertThat(done.get("rowsRead")).isEqualTo(ASCENTS.size());
        assertThat(done.get("ticksAdded")).isEqualTo(ASCENTS.size());
        List<String> paths = requests.stream().map(RecordedRequest::getPath).toList();
        assertThat(paths.get(0)).isEqualTo("/robots.txt");
        assertThat(paths.get(1)).isEqualTo("/user/chris-rush");
        int pages = (ASCENTS.size() + 49) / 50;
        assertThat(paths.stream().filter(p -> p.contains("category=bouldering")))
                .as("every page, the throttled one twice, and the empty page that ends the list")
                .hasSize(pages + 2);
        assertThat(paths.stream().filter(p -> p.contains("category=sportclimbing"))).hasSize(1);
        assertThat(requests).allSatisfy(request -> {
            assertThat(request.getHeader("User-Agent")).startsWith("Cruxlog/");
            assertThat(request.getHeader("Authorization")).isNull();
            assertThat(request.getHeader("Cookie")).isNull();
        });

        Map<String, Object> again = imports.fromProfile(climber, Map.of("source", "eight-a", "profileSlug",
                "https://www.8a.nu/user/chris-rush"));
        assertThat(again.get("ticksUnchanged")).isEqualTo(ASCENTS.size());
        assertThat(imports.ticks(climber)).hasSize(ASCENTS.size());
    }

    @Test
    void aSignInWallFailsWithTheCsvExportSuggestedAndNothingImported() {
        Climber climber = new Climbers(http).verified("eight-a-wall");
        Map<String, Object> done = imports.fromProfile(climber, Map.of("source", "eight-a", "profileSlug", "walled-off"));
        assertThat(done.get("status")).isEqualTo("failed");
        assertThat(done.get("error").toString()).contains("sign-in").contains("CSV").contains("never asks");
        assertThat(imports.ticks(climber)).isEmpty();
    }

    @Test
    void aChangedPageShapeFailsClearlyAndNothingIsImported() {
        Climber climber = new Climbers(http).verified("eight-a-shape");
        Map<String, Object> done = imports.fromProfile(climber, Map.of("source", "eight-a", "profileSlug", "new-shape"));
        assertThat(done.get("status")).isEqualTo("failed");
        assertThat(done.get("error").toString()).contains("changed").contains("CSV");
        assertThat(imports.ticks(climber)).isEmpty();
    }

    @Test
    void robotsTxtIsHonouredAndALongRetryAfterIsNotWaitedOut() {
        Climber climber = new Climbers(http).verified("eight-a-robots");
        Map<String, Object> refused = imports.fromProfile(climber, Map.of("source", "eight-a", "profileSlug", "no-robots"));
        assertThat(refused.get("error").toString()).contains("robots.txt");
        assertThat(requests.stream().map(RecordedRequest::getPath)).doesNotContain("/user/no-robots");

        Map<String, Object> limited = imports.fromProfile(climber, Map.of("source", "eight-a", "profileSlug", "slow-down"));
        assertThat(limited.get("status")).isEqualTo("failed");
        assertThat(limited.get("error").toString()).contains("limiting requests");
        assertThat(imports.ticks(climber)).isEmpty();
    }

    @Test
    void aNameThatIsNoProfileIsRefusedBeforeAnythingIsFetched() {
        Climber climber = new Climbers(http).verified("eight-a-bad");
        http.post().uri("/api/v1/logbook/imports").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("source", "eight-a", "profileSlug", "../../admin?x=1"))
                .exchange().expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(requests).isEmpty();
    }

    /** 8a.nu as recorded: pages built from the shared ascent JSON, and the odd cases by profile name. */
    private static final class RecordedEightA extends Dispatcher {

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            requests.add(request);
            HttpUrl url = request.getRequestUrl();
            String path = url.encodedPath();
            if (path.equals("/robots.txt")) {
                return text("text/plain", "User-agent: *\nDisallow: /admin\nDisallow: /user/no-robots\n\n"
                        + "User-agent: GPTBot\nDisallow: /\n");
            }
            if (path.startsWith("/user/")) {
                String slug = path.substring("/user/".length());
                if (slug.equals("walled-off")) {
                    return text("text/html", "<!DOCTYPE html><html><body><h1>Sign in to 8a</h1><form action=\"/login\">"
                            + "<input name=email><input type=password name=password></form></body></html>");
                }
                return text("text/html", "<!DOCTYPE html><html><head><title>" + slug + " | 8a.nu</title></head><body>"
                        + "<div id=__next></div><script id=\"__NEXT_DATA__\" type=\"application/json\">"
                        + "{\"props\":{\"pageProps\":{\"user\":{\"userSlug\":\"" + slug + "\",\"userPrivate\":false}}}}"
                        + "</script></body></html>");
            }
            if (path.startsWith("/unificationAPI/ascent/v1/web/users/")) {
                String slug = path.split("/")[6];
                String category = url.queryParameter("category");
                int page = Integer.parseInt(url.queryParameter("pageIndex"));
                int size = Integer.parseInt(url.queryParameter("pageSize"));
                if (slug.equals("new-shape")) {
                    return text("application/json", "{\"data\":{\"items\":[]}}");
                }
                if (slug.equals("slow-down")) {
                    return new MockResponse().setResponseCode(429).addHeader("Retry-After", "3600");
                }
                AtomicInteger throttle = throttledOnce.get(slug + ":" + category + ":" + page);
                if (throttle != null && throttle.getAndIncrement() == 0) {
                    return new MockResponse().setResponseCode(429).addHeader("Retry-After", "1");
                }
                ObjectNode body = JSON.createObjectNode();
                var list = body.putArray("ascents");
                if (category.equals("bouldering")) {
                    ASCENTS.stream().skip((long) page * size).limit(size).forEach(list::add);
                }
                body.put("totalItems", category.equals("bouldering") ? ASCENTS.size() : 0);
                return text("application/json", JSON.writeValueAsString(body));
            }
            return new MockResponse().setResponseCode(404);
        }

        private static MockResponse text(String type, String body) {
            return new MockResponse().setResponseCode(200).addHeader("Content-Type", type + "; charset=utf-8").setBody(body);
        }
    }
}
