package dev.cruxlog.coach.adapter.in.web;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import dev.cruxlog.coach.application.CoachEvent;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * An answer's events as server-sent-event frames, each written whole into one buffer:
 * {@code id:<message id>\nevent:<type>\ndata:<the event as JSON>\n\n}, the wire WebFlux's
 * server-sent-event writer produced for {@code ServerSentEvent<CoachEvent>}.
 *
 * <p>Why not that writer: it encodes each event as three buffers (the fields, the JSON, the
 * blank line) sent as a group of their own, so every token paid for a publisher, a subscriber and
 * a flush boundary of its own besides the bytes (docs/benchmarks.md, "Twenty-first session").
 * Here a token is one buffer in one stream of buffers.
 */
final class CoachEventFrames {

    private static final byte[] ID = "id:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT = "\nevent:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LINE = {'\n'};
    private static final byte[] END = {'\n', '\n'};
    /** A token's frame is about 200 bytes; the buffer grows for longer ones. */
    private static final int TYPICAL_FRAME = 256;

    private final ObjectWriter writer;

    CoachEventFrames(JsonMapper json) {
        this.writer = json.writerFor(CoachEvent.class);
    }

    DataBuffer frame(CoachEvent event, DataBufferFactory buffers) {
        DataBuffer frame = buffers.allocateBuffer(TYPICAL_FRAME);
        try {
            if (event.messageId() != null) {
                frame.write(ID);
                frame.write(event.messageId().toString(), StandardCharsets.US_ASCII);
                frame.write(EVENT);
            } else {
                frame.write(EVENT, 1, EVENT.length - 1);
            }
            frame.write(event.type(), StandardCharsets.UTF_8);
            frame.write(LINE);
            frame.write(DATA);
            try (OutputStream out = frame.asOutputStream()) {
                writer.writeValue(out, event);
            }
            frame.write(END);
            return frame;
        } catch (java.io.IOException | RuntimeException e) {
            DataBufferUtils.release(frame);
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }
}
