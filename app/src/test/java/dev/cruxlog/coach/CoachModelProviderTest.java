package dev.cruxlog.coach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.cruxlog.platform.testing.IsolatedTestDatabaseInitializer;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.LogbookImports;
import dev.cruxlog.support.SecondInstance;
import dev.cruxlog.support.SharedExports;
import dev.cruxlog.support.TestMailInitializer;
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
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The coach against a local OpenAI-compatible provider: MockWebServer speaking the real
 * streaming wire format ({@code data: {...chunk...}} events, then {@code data: [DONE]}). What
 * the stub does is chosen by a marker in the question. BlockHound is active in this JVM.
 * What the provider's adapter does alone (retries, timeouts, refusals) is the coach module's
 * {@code OpenAiCompatibleCoachModelTest}; a cancel alone is its {@code AnswerServiceTest}. Here
 * are the paths that cross the application: HTTP, the stored conversation, the allowance, a
 * second instance.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
@ActiveProfiles("test")
@ContextConfiguration(initializers = {IsolatedTestDatabaseInitializer.class, TestMailInitializer.class})
class CoachModelProviderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MockWebServer provider = new MockWebServer();
    /** What reached the provider: path, Authorization header and body. */
    private record Sent(String path, String authorization, String body) {
    }

    private static final List<Sent> requests = new CopyOnWriteArrayList<>();
    private static final List<String> ANSWER = List.of("Build ", "your ", "7a ", "base ", "first: ", "four ", "more ", "sends.");
    private static final List<String> LONG = java.util.stream.IntStream.range(0, 40).mapToObj(i -> "word" + i + " ").toList();
    /** The most of one answer this application keeps (cruxlog.coach.max-answer-characters): above every other answer here. */
    private static final int MAX_ANSWER = 600;
    /** A provider that does not stop: 200 KB of tokens, far past the limit. */
    private static final List<String> ENDLESS = java.util.stream.IntStream.range(0, 20_000).mapToObj(i -> "more ").toList();

    static {
        provider.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = request.getBody().readUtf8();
                requests.add(new Sent(request.getPath(), request.getHeader("Authorization"), body));
                String question = lastUserMessage(body);
                if (question.contains("[down]")) {
                    return new MockResponse().setResponseCode(503).setBody("{\"error\":{\"message\":\"overloaded\"}}");
                }
                if (question.contains("[slow]")) {
                    // The same forty words over about five seconds: time for a cancel to cross instances.
                    return stream(LONG).throttleBody(130, 130, TimeUnit.MILLISECONDS);
                }
                if (question.contains("[endless]")) {
                    return stream(ENDLESS);
                }
                if (question.contains("[long]")) {
                    // About 130 bytes per chunk, 400 bytes every 100 ms: the answer takes a second or so.
                    return stream(LONG).throttleBody(400, 100, TimeUnit.MILLISECONDS);
                }
                return stream(ANSWER);
            }
        });
        try {
            provider.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void pointAtTheStub(DynamicPropertyRegistry registry) {
        registry.add("cruxlog.coach.base-url", () -> provider.url("/v1").toString());
        registry.add("cruxlog.coach.model", () -> "stub-coach");
        registry.add("cruxlog.coach.api-key", () -> "sk-test");
        registry.add("cruxlog.coach.min-backoff", () -> "20ms");
        registry.add("cruxlog.coach.daily-questions.free", () -> "6");
        registry.add("cruxlog.coach.max-answer-characters", () -> Integer.toString(MAX_ANSWER));
    }

    @AfterAll
    static void stop() throws IOException {
        provider.shutdown();
    }

    @Autowired
    WebTestClient http;

    @Autowired
    Environment environment;

    Climbers climbers;

    @BeforeEach
    void setUp() {
        climbers = new Climbers(http);
    }

    @Test
    void anAnswerStreamsTokenByTokenAndIsStoredWithTheQuestion() {
        Climber climber = climbers.verified("coach-stream");
        String conversation = newConversation(climber);

        List<ServerSentEvent<Map<String, Object>>> events = askToTheEnd(climber, conversation, "How do I climb 7b?");

        assertThat(events).extracting(ServerSentEvent::event).startsWith("started").endsWith("done");
        assertThat(events.stream().filter(e -> "token".equals(e.event())).map(e -> e.data().get("text")))
                .containsExactlyElementsOf(ANSWER);
        assertThat(events.get(0).data().get("answeredBy")).isEqualTo("model:stub-coach");
        List<Map<String, Object>> messages = messages(climber, conversation);
        assertThat(messages).extracting(m -> m.get("role")).containsExactly("user", "assistant");
        assertThat(messages.get(1).get("content")).isEqualTo(String.join("", ANSWER));
        assertThat(messages.get(1).get("status")).isEqualTo("complete");
        Sent sent = requests.get(requests.size() - 1);
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.authorization()).isEqualTo("Bearer sk-test");
        assertThat(JSON.readTree(sent.body()).path("stream").asBoolean()).isTrue();
        assertThat(conversationTitle(climber, conversation)).isEqualTo("How do I climb 7b?");
    }

    @Test
    void aProviderThatIsDownEndsTheAnswerWithAClearMessageAndGivesTheQuestionBack() {
        Climber climber = climbers.verified("coach-down");
        String conversation = newConversation(climber);
        int before = requests.size();
        Object remainingBefore = allowance(climber).get("remainingToday");

        List<ServerSentEvent<Map<String, Object>>> events = askToTheEnd(climber, conversation, "[down] anything?");

        assertThat(events).extracting(ServerSentEvent::event).containsExactly("started", "error");
        assertThat(events.get(1).data().get("text").toString()).contains("having trouble (503)");
        assertThat(requests.size() - before).as("first try and two retries").isEqualTo(3);
        assertThat(messages(climber, conversation).get(1).get("status")).isEqualTo("failed");
        assertThat(allowance(climber).get("remainingToday")).isEqualTo(remainingBefore);
    }

    @Test
    void theAnswerIsStoredWholeWhenTheBrowserDisconnectsMidStream() {
        Climber climber = climbers.verified("coach-leaves");
        String conversation = newConversation(climber);

        List<ServerSentEvent<Map<String, Object>>> seen = ask(climber, conversation, "[long] tell me everything")
                .take(3).collectList().block(Duration.ofSeconds(30));
        assertThat(seen).extracting(ServerSentEvent::event).containsExactly("started", "token", "token");

        Map<String, Object> answer = Flux.interval(Duration.ofMillis(200)).publishOn(Schedulers.boundedElastic())
                .map(tick -> messages(climber, conversation).get(1))
                .filter(message -> !"streaming".equals(message.get("status")))
                .blockFirst(Duration.ofSeconds(30));
        assertThat(answer.get("status")).isEqualTo("complete");
        assertThat(answer.get("content")).isEqualTo(String.join("", LONG));
    }

    @Test
    void anAnswerThatDoesNotStopIsCutAtTheLimitWithWhatFitKept() {
        Climber climber = climbers.verified("coach-endless");
        String conversation = newConversation(climber);

        List<ServerSentEvent<Map<String, Object>>> events = askToTheEnd(climber, conversation, "[endless] go on");

        assertThat(events.get(events.size() - 1).event()).isEqualTo("error");
        assertThat(events.get(events.size() - 1).data().get("text")).isEqualTo(
                "The answer was cut here: it reached 600 characters, the most Cruxlog keeps of one answer.");
        String streamed = events.stream().filter(e -> "token".equals(e.event())).map(e -> e.data().get("text").toString())
                .reduce("", String::concat);
        assertThat(streamed).hasSize(MAX_ANSWER).isEqualTo("more ".repeat(MAX_ANSWER / 5));
        Map<String, Object> stored = messages(climber, conversation).get(1);
        assertThat(stored.get("status")).isEqualTo("failed");
        assertThat(stored.get("content")).isEqualTo(streamed);
    }

    /**
     * Issue #18 (R5): the cancel reaches an instance that is not writing the answer. It announces
     * the stop through PostgreSQL, and the writing instance hears it and stops.
     */
    @Test
    void aCancelSentToAnotherInstanceStopsTheAnswerWhereItIsWritten() {
        Climber climber = climbers.verified("coach-cancel-elsewhere");
        String conversation = newConversation(climber);
        try (SecondInstance second = SecondInstance.on(environment.getProperty("cruxlog.database.url"),
                "--cruxlog.coach.base-url=" + provider.url("/v1"), "--cruxlog.coach.model=stub-coach")) {
            WebTestClient other = second.http();
            List<Integer> cancelStatuses = new CopyOnWriteArrayList<>();
            List<ServerSentEvent<Map<String, Object>>> events = ask(climber, conversation, "[slow] go on")
                    .publishOn(Schedulers.boundedElastic())
                    .doOnNext(event -> {
                        if ("token".equals(event.event()) && "word1 ".equals(event.data().get("text"))) {
                            cancelStatuses.add(other.post().uri("/api/v1/coach/conversations/" + conversation + "/messages/"
                                            + event.data().get("messageId") + "/cancel")
                                    .header("Authorization", climber.bearer()).exchange()
                                    .returnResult(Void.class).getStatus().value());
                        }
                    })
                    .collectList().block(Duration.ofSeconds(30));

            assertThat(cancelStatuses).containsExactly(202);
            assertStoppedPartway(climber, conversation, events);
            // Once it has stopped, the other instance says so as this one would.
            Object answerId = events.get(events.size() - 1).data().get("messageId");
            other.post().uri("/api/v1/coach/conversations/" + conversation + "/messages/" + answerId + "/cancel")
                    .header("Authorization", climber.bearer()).exchange().expectStatus().isEqualTo(409);
        }
    }

    @Test
    void theContextHoldsTheClimbersOwnRecentTicksAndPyramidAndNothingOfAnotherClimbers() {
        Climber climber = climbers.verified("coach-context");
        Climber other = climbers.verified("coach-other");
        LogbookImports imports = new LogbookImports(http);
        imports.upload(climber, SharedExports.bytes("mountain-project/ticks-sport-trad-567.csv"), "ticks.csv", null);
        logTick(climber, "Quartz Dihedral of Alice", "5.11a");
        logTick(other, "Secret Roof of Bob", "5.12d");
        imports.upload(other, SharedExports.bytes("mountain-project/ticks-boulder-267.csv"), "ticks.csv", null);
        Map<String, Object> pyramid = http.get().uri("/api/v1/analytics/pyramid?discipline=sport")
                .header("Authorization", climber.bearer()).exchange().expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        String hardest = ((List<Map<String, Object>>) pyramid.get("levels")).get(0).get("grade").toString();
        String conversation = newConversation(climber);

        List<ServerSentEvent<Map<String, Object>>> events = askToTheEnd(climber, conversation, "What next?");
        String system = systemMessage(requests.get(requests.size() - 1).body());

        assertThat(system).contains("Quartz Dihedral of Alice").contains("### sport").contains("- " + hardest + ":")
                .doesNotContain("Secret Roof of Bob");
        String questionId = events.get(0).data().get("questionId").toString();
        String context = http.get().uri("/api/v1/coach/conversations/" + conversation + "/messages/" + questionId + "/context")
                .header("Authorization", climber.bearer()).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(context).contains("Quartz Dihedral of Alice").doesNotContain("Secret Roof of Bob");
        http.get().uri("/api/v1/coach/conversations/" + conversation + "/messages/" + questionId + "/context")
                .header("Authorization", other.bearer()).exchange().expectStatus().isNotFound();
        http.get().uri("/api/v1/coach/conversations/" + conversation + "/messages").header("Authorization", other.bearer())
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void theDailyAllowanceIsEnforcedWithA429AndAnUpgradeLink() {
        Climber climber = climbers.verified("coach-quota");
        String conversation = newConversation(climber);
        int allowed = ((Number) allowance(climber).get("perDay")).intValue();
        for (int i = 0; i < allowed; i++) {
            ask(climber, conversation, "Question " + i).collectList().block(Duration.ofSeconds(30));
        }
        http.post().uri("/api/v1/coach/conversations/" + conversation + "/messages").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(Map.of("content", "One more?"))
                .exchange().expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.upgradeUrl").isEqualTo("/pricing").jsonPath("$.perDay").isEqualTo(allowed);
        assertThat(allowance(climber).get("remainingToday")).isEqualTo(0);
        assertThat(messages(climber, conversation)).hasSize(allowed * 2);
    }

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT = new ParameterizedTypeReference<>() {
    };

    private Flux<ServerSentEvent<Map<String, Object>>> ask(Climber climber, String conversation, String question) {
        return http.post().uri("/api/v1/coach/conversations/" + conversation + "/messages")
                .header("Authorization", climber.bearer()).contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.TEXT_EVENT_STREAM).bodyValue(Map.of("content", question))
                .exchange().expectStatus().isOk()
                .expectHeader().contentType(new MediaType(MediaType.TEXT_EVENT_STREAM, java.nio.charset.StandardCharsets.UTF_8))
                .returnResult(EVENT).getResponseBody();
    }

    /** The stream ended "cancelled", and the answer is stored cancelled with what was written before the stop. */
    private void assertStoppedPartway(Climber climber, String conversation, List<ServerSentEvent<Map<String, Object>>> events) {
        ServerSentEvent<Map<String, Object>> last = events.get(events.size() - 1);
        assertThat(last.event()).isEqualTo("done");
        assertThat(last.data().get("status")).isEqualTo("cancelled");
        Map<String, Object> stored = messages(climber, conversation).get(1);
        assertThat(stored.get("status")).isEqualTo("cancelled");
        assertThat(stored.get("content").toString()).startsWith("word0 word1 ").isNotEqualTo(String.join("", LONG));
    }

    private String newConversation(Climber climber) {
        return http.post().uri("/api/v1/coach/conversations").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of())
                .exchange().expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody().get("id").toString();
    }

    private String conversationTitle(Climber climber, String conversation) {
        return http.get().uri("/api/v1/coach/conversations/" + conversation).header("Authorization", climber.bearer())
                .exchange().expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody().get("title").toString();
    }

    private List<Map<String, Object>> messages(Climber climber, String conversation) {
        return http.get().uri("/api/v1/coach/conversations/" + conversation + "/messages").header("Authorization", climber.bearer())
                .exchange().expectStatus().isOk().expectBodyList(MAP).returnResult().getResponseBody();
    }

    private Map<String, Object> allowance(Climber climber) {
        return http.get().uri("/api/v1/coach/allowance").header("Authorization", climber.bearer())
                .exchange().expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
    }

    private void logTick(Climber climber, String route, String grade) {
        http.post().uri("/api/v1/logbook/ticks").header("Authorization", climber.bearer()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("route", route, "date", LocalDate.now().minusDays(2).toString(), "grade", grade,
                        "discipline", "sport", "style", "redpoint"))
                .exchange().expectStatus().isCreated();
    }

    /** Every event of an answer, to its last. */
    private List<ServerSentEvent<Map<String, Object>>> askToTheEnd(Climber climber, String conversation, String question) {
        return ask(climber, conversation, question).collectList().block(Duration.ofSeconds(30));
    }

    private static MockResponse stream(List<String> tokens) {
        StringBuilder body = new StringBuilder();
        body.append("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n");
        for (String token : tokens) {
            body.append("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":"
                    + "{\"content\":").append(JSON.writeValueAsString(token)).append("},\"finish_reason\":null}]}\n\n");
        }
        body.append("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{},"
                + "\"finish_reason\":\"stop\"}]}\n\n");
        body.append("data: [DONE]\n\n");
        return new MockResponse().setResponseCode(200).addHeader("Content-Type", "text/event-stream").setBody(body.toString());
    }

    private static String lastUserMessage(String requestBody) {
        JsonNode messages = JSON.readTree(requestBody).path("messages");
        return messages.path(messages.size() - 1).path("content").asString();
    }

    private static String systemMessage(String requestBody) {
        return JSON.readTree(requestBody).path("messages").path(0).path("content").asString();
    }
}
