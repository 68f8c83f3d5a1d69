package dev.cruxlog.coach.adapter.out.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** The event-stream body as a provider may send it: split anywhere, any line ending, comments, several data lines. */
class EventStreamScannerTest {

    @Test
    void eventsSplitAnywhereBetweenReadsComeOutWhole() {
        String body = "data: {\"a\":1}\n\n: keep-alive\n\nevent: chunk\nid: 7\ndata: {\"b\":2}\n\ndata: [DONE]\n\n";
        for (int split = 1; split < body.length(); split++) {
            EventStreamScanner scanner = new EventStreamScanner(1024);
            List<String> events = new ArrayList<>();
            events.addAll(strings(scanner.next(buffer(body.substring(0, split)))));
            events.addAll(strings(scanner.next(buffer(body.substring(split)))));
            assertThat(events).as("split at %d", split).containsExactly("{\"a\":1}", "{\"b\":2}", "[DONE]");
        }
    }

    @Test
    void everyLineEndingTheStandardAllowsAndDataLinesJoinedByNewlines() {
        EventStreamScanner scanner = new EventStreamScanner(1024);

        List<String> events = strings(scanner.next(buffer("data:one\r\ndata: two\r\n\r\ndata:three\r\rdata\n\n")));

        assertThat(events).containsExactly("one\ntwo", "three", "");
    }

    @Test
    void aCrAtTheEndOfOneReadAndItsLfAtTheStartOfTheNextEndOneLine() {
        EventStreamScanner scanner = new EventStreamScanner(1024);

        // Read as two line ends, the LF would be a blank line: "x" and "y" as two events.
        List<String> events = new ArrayList<>(strings(scanner.next(buffer("data: x\r"))));
        events.addAll(strings(scanner.next(buffer("\ndata: y\n\n"))));

        assertThat(events).containsExactly("x\ny");
    }

    @Test
    void otherFieldsAndCommentsAreNotData() {
        EventStreamScanner scanner = new EventStreamScanner(1024);

        assertThat(strings(scanner.next(buffer("database: no\ndatum\n: data: no\nretry: 5\n\n")))).isEmpty();
    }

    @Test
    void aLineThatNeverEndsIsRefusedAtTheLimitNotHeld() {
        EventStreamScanner scanner = new EventStreamScanner(4096);
        ByteBuf read = buffer("data: " + "x".repeat(1000));

        assertThatThrownBy(() -> {
            for (int i = 0; i < 10; i++) {
                scanner.next(read.duplicate());
            }
        }).isInstanceOf(EventStreamScanner.EventTooLarge.class).hasMessageContaining("4096 bytes");
    }

    @Test
    void manyShortDataLinesCannotAddUpPastTheLimitEither() {
        EventStreamScanner scanner = new EventStreamScanner(4096);

        assertThatThrownBy(() -> scanner.next(buffer("data: 0123456789\n".repeat(400))))
                .isInstanceOf(EventStreamScanner.EventTooLarge.class);
    }

    private static ByteBuf buffer(String text) {
        return Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> strings(List<byte[]> events) {
        return events.stream().map(bytes -> new String(bytes, StandardCharsets.UTF_8)).toList();
    }
}
