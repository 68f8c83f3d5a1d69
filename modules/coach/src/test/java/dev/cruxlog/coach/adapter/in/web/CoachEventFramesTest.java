package dev.cruxlog.coach.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cruxlog.coach.AnswerStatus;
import dev.cruxlog.coach.application.CoachEvent;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.codec.ServerSentEventHttpMessageWriter;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The frames are byte for byte what WebFlux's server-sent-event writer wrote for
 * {@code ServerSentEvent<CoachEvent>} before them, so the page's script, the API's clients and
 * stored transcripts see no change.
 */
class CoachEventFramesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID QUESTION = UUID.fromString("3f1c8a52-7d1e-4b8e-9a31-5b1f0d2c7e44");
    private static final UUID ANSWER = UUID.fromString("9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d");

    @Test
    void everyKindOfEventIsFramedAsWebFluxWroteIt() throws Exception {
        List<CoachEvent> events = List.of(
                event("started", QUESTION, ANSWER, null, AnswerStatus.STREAMING, "model:gpt-4o-mini"),
                event("token", null, ANSWER, "Hang \"7a\" é\nboard ", null, null),
                event("done", null, ANSWER, null, AnswerStatus.COMPLETE, null),
                event("error", null, ANSWER, "The coach's model provider is busy right now.", AnswerStatus.FAILED, null));
        CoachEventFrames frames = new CoachEventFrames(JSON);

        for (CoachEvent event : events) {
            DataBuffer frame = frames.frame(event, DefaultDataBufferFactory.sharedInstance);
            String ours = frame.toString(StandardCharsets.UTF_8);
            DataBufferUtils.release(frame);

            assertThat(ours).as(event.type()).isEqualTo(webFlux(event)).endsWith("\n\n").contains("event:" + event.type() + "\n");
        }
    }

    /** WebFlux's builder refuses a null id; the frame leaves the field out, as the standard allows. */
    @Test
    void anEventWithoutAMessageIdHasNoIdField() {
        CoachEvent event = event("error", null, null, "no message", AnswerStatus.FAILED, null);
        DataBuffer frame = new CoachEventFrames(JSON).frame(event, DefaultDataBufferFactory.sharedInstance);
        String ours = frame.toString(StandardCharsets.UTF_8);
        DataBufferUtils.release(frame);

        assertThat(ours).isEqualTo("event:error\ndata:" + JSON.writeValueAsString(event) + "\n\n");
    }

    private static String webFlux(CoachEvent event) {
        ServerSentEvent<CoachEvent> sse = ServerSentEvent.builder(event).event(event.type())
                .id(event.messageId() == null ? null : event.messageId().toString()).build();
        MockServerHttpResponse response = new MockServerHttpResponse();
        new ServerSentEventHttpMessageWriter(new JacksonJsonEncoder(JSON))
                .write(reactor.core.publisher.Mono.just(sse), ResolvableType.forClassWithGenerics(ServerSentEvent.class, CoachEvent.class),
                        MediaType.TEXT_EVENT_STREAM, response, Map.of())
                .block();
        return response.getBodyAsString().block();
    }

    /** CoachEvent's factories are the application's; the web adapter only ever frames what it is given. */
    private static CoachEvent event(String type, UUID question, UUID message, String text, AnswerStatus status, String by) {
        return new CoachEvent(type, question, message, text, status, by);
    }
}
