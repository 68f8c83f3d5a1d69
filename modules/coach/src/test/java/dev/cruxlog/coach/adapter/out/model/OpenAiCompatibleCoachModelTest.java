package dev.cruxlog.coach.adapter.out.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.cruxlog.coach.application.CoachModel;
import dev.cruxlog.coach.application.CoachUnavailable;
import dev.cruxlog.coach.domain.ChatTurn;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.http.HttpResources;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The adapter alone against an OpenAI-compatible provider on loopback: MockWebServer speaking
 * the streaming wire format ({@code data: {...chunk...}} events, then {@code data: [DONE]}).
 * What used to take the whole application to see (a retried 429, a provider that is down or
 * silent) is seen here without starting it.
 */
class OpenAiCompatibleCoachModelTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> ANSWER = List.of("Build ", "your ", "7a ", "base ", "first.");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final CoachModel.Prompt PROMPT = new CoachModel.Prompt(
            List.of(ChatTurn.system("You are a climbing coach."), ChatTurn.user("How do I climb 7b?")), null);

    private MockWebServer provider;
    private OpenAiCompatibleCoachModel model;

    @BeforeEach
    void start() throws IOException {
        provider = new MockWebServer();
        provider.start();
        model = model(provider);
    }

    /** The first token within two seconds, every next one within 150 ms; two retries 10 ms apart. */
    private static OpenAiCompatibleCoachModel model(MockWebServer provider) {
        return new OpenAiCompatibleCoachModel(JSON, new OpenAiCompatibleCoachModel.Settings(
                provider.url("/v1/").toString(), "stub-coach", "sk-test", Duration.ofSeconds(2), Duration.ofMillis(150),
                2, Duration.ofMillis(10), 4), HttpResources.get());
    }

    @AfterEach
    void stop() throws IOException {
        model.close();
        provider.shutdown();
    }

    @Test
    void theAnswerStreamsChunkByChunkFromAStreamedChatCompletionsRequest() throws InterruptedException {
        provider.enqueue(stream(ANSWER));

        StepVerifier.create(model.answer(PROMPT)).expectNextSequence(ANSWER).expectComplete().verify(WAIT);

        RecordedRequest sent = provider.takeRequest(1, TimeUnit.SECONDS);
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getPath()).isEqualTo("/v1/chat/completions");
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer sk-test");
        assertThat(sent.getHeader("Accept")).contains("text/event-stream");
        JsonNode body = JSON.readTree(sent.getBody().readUtf8());
        assertThat(body.path("model").asString()).isEqualTo("stub-coach");
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("messages").findValuesAsString("role")).containsExactly("system", "user");
        assertThat(body.path("messages").path(1).path("content").asString()).isEqualTo("How do I climb 7b?");
        assertThat(model.name()).isEqualTo("model:stub-coach");
    }

    @Test
    void aRateLimitedProviderIsAskedAgainAndTheAnswerCompletes() {
        provider.enqueue(new MockResponse().setResponseCode(429).addHeader("Retry-After", "0"));
        provider.enqueue(stream(ANSWER));

        StepVerifier.create(model.answer(PROMPT)).expectNextSequence(ANSWER).expectComplete().verify(WAIT);
        assertThat(provider.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aProviderThatStaysDownIsTriedThreeTimesThenNamedWithItsStatus() {
        for (int i = 0; i < 3; i++) {
            provider.enqueue(new MockResponse().setResponseCode(503).setBody("{\"error\":{\"message\":\"overloaded\"}}"));
        }

        expectUnavailable("having trouble (503)");
        assertThat(provider.getRequestCount()).as("the first try and two retries").isEqualTo(3);
    }

    @Test
    void aRefusedKeyIsTheOperatorsToFixAndIsNotRetried() {
        provider.enqueue(new MockResponse().setResponseCode(401));

        StepVerifier.create(model.answer(PROMPT))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(CoachUnavailable.class)
                        .hasMessageContaining("refused Cruxlog's API key (401)")
                        .hasMessageContaining("cruxlog.coach.api-key"))
                .verify(WAIT);
        assertThat(provider.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aSilentProviderTimesOutBeforeItsFirstToken() {
        for (int i = 0; i < 3; i++) {
            provider.enqueue(stream(ANSWER).setHeadersDelay(4, TimeUnit.SECONDS));
        }

        expectUnavailable("did not answer in time");
    }

    /** A retry after the first token would write the answer's start twice: a stall mid-answer ends it. */
    @Test
    void aStallAfterTheFirstTokenEndsTheAnswerWithoutAskingAgain() {
        // The body in two-chunk parts 400 ms apart (MockWebServer waits before each part, the
        // first too): the first token well within its two seconds, the next part past 150 ms.
        String firstTwo = event("Build ") + event("your ");
        provider.enqueue(stream(ANSWER).throttleBody(firstTwo.length(), 400, TimeUnit.MILLISECONDS));
        provider.enqueue(stream(ANSWER));

        expectUnavailable("did not answer in time", "Build ", "your ");
        assertThat(provider.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anErrorChunkOrSomethingThatIsNotAStreamEndsTheAnswerWithAReason() {
        provider.enqueue(events(event("Build ") + "data: {\"error\":{\"message\":\"context too long\"}}\n\n"));
        expectUnavailable("stopped with an error: context too long", "Build ");

        provider.enqueue(events("data: <html>\n\n"));
        expectUnavailable("not a chat-completions stream");
    }

    /** A provider that never ends its event cannot make Cruxlog hold it: the answer ends at the limit. */
    @Test
    void anEventLongerThanTheLimitEndsTheAnswerInsteadOfFillingMemory() {
        provider.enqueue(events(event("Build ") + "data: {\"choices\":[{\"delta\":{\"content\":\""
                        + "x".repeat(OpenAiCompatibleCoachModel.MAX_EVENT_BYTES * 2)));

        expectUnavailable("longer than " + OpenAiCompatibleCoachModel.MAX_EVENT_BYTES + " bytes", "Build ");
    }

    /** A provider asked for a stream that answers with one JSON document is misconfigured, not an empty answer. */
    @Test
    void anAnswerThatIsNotAnEventStreamIsNamedAsSuch() {
        provider.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                .setBody("{\"choices\":[{\"message\":{\"content\":\"Build your base.\"}}]}"));

        expectUnavailable("not a chat-completions stream");
        assertThat(provider.getRequestCount()).as("not retried").isEqualTo(1);
    }

    /** Every token in order when the provider's writes and Cruxlog's reads cut the stream at any byte. */
    @Test
    void tokensSplitAcrossReadsComeOutWholeAndInOrder() {
        List<String> pieces = java.util.stream.IntStream.range(0, 200).mapToObj(i -> "tok" + i + " é ").toList();
        provider.enqueue(stream(pieces).throttleBody(7, 1, TimeUnit.MILLISECONDS));

        StepVerifier.create(model.answer(PROMPT)).expectNextSequence(pieces).expectComplete().verify(Duration.ofSeconds(30));
    }

    /** An answer read to the end of its body leaves its connection for the next one (a cancelled read would close it). */
    @Test
    void theNextAnswerReusesTheConnection() throws InterruptedException {
        provider.enqueue(stream(ANSWER));
        provider.enqueue(stream(ANSWER));

        StepVerifier.create(model.answer(PROMPT)).expectNextSequence(ANSWER).expectComplete().verify(WAIT);
        // The connection goes back to the pool just after the answer completes; a climber's next
        // question comes seconds later.
        StepVerifier.create(Mono.delay(Duration.ofMillis(200)).thenMany(model.answer(PROMPT)))
                .expectNextSequence(ANSWER).expectComplete().verify(WAIT);

        assertThat(provider.takeRequest(1, TimeUnit.SECONDS).getSequenceNumber()).isZero();
        assertThat(provider.takeRequest(1, TimeUnit.SECONDS).getSequenceNumber())
                .as("the second request on the first connection").isEqualTo(1);
    }

    /** A provider that keeps writing bytes that never make an event is as silent as one that writes nothing. */
    @Test
    void bytesThatNeverMakeAnEventEndTheAnswerAtTheIdleTimeout() {
        // The first event in the first part, then a comment that never ends in parts 50 ms apart:
        // every read within the 150 ms read timeout, no event for two seconds.
        String first = event("Build ");
        provider.enqueue(events(first + ": " + "z".repeat(first.length() * 40) + "\n\n" + event("your ") + "data: [DONE]\n\n")
                .throttleBody(first.length(), 50, TimeUnit.MILLISECONDS));

        expectUnavailable("did not answer in time", "Build ");
    }

    /** Text that merely contains "[DONE]" is text: only the marker itself ends the answer. */
    @Test
    void onlyTheDoneMarkerItselfEndsTheAnswer() {
        provider.enqueue(events("data: \u00e9[DONE]\n\n" + event("Build ") + "data:  [DONE] \n\n" + event("never")));

        expectUnavailable("not a chat-completions stream");
    }

    /** The provider's streamed answer: one chunk per piece of text, then {@code [DONE]}. */
    private static MockResponse stream(List<String> pieces) {
        return events(pieces.stream().map(OpenAiCompatibleCoachModelTest::event).collect(Collectors.joining())
                        + "data: [DONE]\n\n");
    }

    /** A body the provider sends as a stream of server-sent events, whatever it holds. */
    /** The answer: these tokens first, then the coach unavailable with a message saying so. */
    private void expectUnavailable(String saying, String... tokensFirst) {
        StepVerifier.Step<String> answer = StepVerifier.create(model.answer(PROMPT));
        if (tokensFirst.length > 0) {
            answer = answer.expectNext(tokensFirst);
        }
        answer.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(CoachUnavailable.class).hasMessageContaining(saying))
                .verify(WAIT);
    }

    private static MockResponse events(String body) {
        return new MockResponse().setHeader("Content-Type", "text/event-stream").setBody(body);
    }

    private static String event(String text) {
        return "data: " + JSON.writeValueAsString(java.util.Map.of("choices",
                List.of(java.util.Map.of("index", 0, "delta", java.util.Map.of("content", text))))) + "\n\n";
    }
}
