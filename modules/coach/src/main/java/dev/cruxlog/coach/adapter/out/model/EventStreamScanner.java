package dev.cruxlog.coach.adapter.out.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.netty.buffer.ByteBuf;

/**
 * Reads a {@code text/event-stream} body as it arrives, network read by network read, and
 * hands out each event's data as bytes (its {@code data:} lines joined by {@code \n}, as the
 * HTML living standard dispatches them). Comments ({@code :...}) and the other fields are
 * skipped; lines may end in LF, CRLF or CR and may be split anywhere between two reads.
 *
 * <p>Why not WebClient's server-sent-event reader: it splits the body into lines as strings,
 * buffers them per event and builds a {@code ServerSentEvent} per event through about ten
 * Reactor operators; Reactor's operators were in a third of a relayed token's CPU samples
 * (docs/benchmarks.md, "Twenty-first session"). Here a token is a scan of the bytes of one read.
 *
 * <p>An event larger than {@code maxEventBytes} ends the stream with {@link EventTooLarge}: a
 * provider that never ends a line cannot make the server hold more than that. Not thread-safe:
 * one scanner per response, fed from its connection's event loop.
 */
final class EventStreamScanner {

    /** The provider sent an event longer than the scanner holds. */
    static final class EventTooLarge extends RuntimeException {
        EventTooLarge(int maxEventBytes) {
            super("an event longer than " + maxEventBytes + " bytes", null, false, false);
        }
    }

    private static final byte LF = '\n';
    private static final byte CR = '\r';
    private static final byte[] DATA = {'d', 'a', 't', 'a'};

    private final int maxEventBytes;
    /** The current line so far (bytes of a line split between reads). */
    private byte[] line = new byte[256];
    private int lineLength;
    /** The current event's data so far, its lines joined by LF; -1 while the event has no data line. */
    private byte[] data = new byte[256];
    private int dataLength = -1;
    /** The last line ended in CR: an LF that starts the next read belongs to it. */
    private boolean afterCr;
    /** The events completed by the read being scanned. */
    private List<byte[]> completed = List.of();

    EventStreamScanner(int maxEventBytes) {
        this.maxEventBytes = maxEventBytes;
    }

    /** The data of every event this read completes, in order (usually one, often none). */
    List<byte[]> next(ByteBuf read) {
        completed = List.of();
        // forEachByte: Netty's unchecked loop over the read, not a bounds check per byte.
        read.forEachByte(read.readerIndex(), read.readableBytes(), this::accept);
        return completed;
    }

    private boolean accept(byte b) {
        if (afterCr) {
            afterCr = false;
            if (b == LF) {
                return true;
            }
        }
        if (b == LF || b == CR) {
            afterCr = b == CR;
            byte[] event = endLine();
            if (event != null) {
                if (completed.isEmpty()) {
                    completed = new ArrayList<>(1);
                }
                completed.add(event);
            }
        } else {
            append(b);
        }
        return true;
    }

    private void append(byte b) {
        if (lineLength == line.length) {
            if (lineLength + Math.max(dataLength, 0) >= maxEventBytes) {
                throw new EventTooLarge(maxEventBytes);
            }
            line = Arrays.copyOf(line, Math.min(line.length * 2, maxEventBytes));
        }
        line[lineLength++] = b;
    }

    /** Ends the current line; the event's data when the line was blank and the event had data. */
    private byte[] endLine() {
        int length = lineLength;
        lineLength = 0;
        if (length == 0) {
            if (dataLength < 0) {
                return null;
            }
            byte[] event = Arrays.copyOf(data, dataLength);
            dataLength = -1;
            return event;
        }
        if (isData(length)) {
            int from = length > DATA.length && line[DATA.length] == ':' ? DATA.length + 1 : DATA.length;
            if (from < length && line[from] == ' ') {
                from++;
            }
            addData(from, length);
        }
        return null;
    }

    /** The line's field is {@code data} (a line of just "data" is a data line with no value). */
    private boolean isData(int length) {
        if (length < DATA.length || (length > DATA.length && line[DATA.length] != ':')) {
            return false;
        }
        for (int i = 0; i < DATA.length; i++) {
            if (line[i] != DATA[i]) {
                return false;
            }
        }
        return true;
    }

    private void addData(int from, int to) {
        int separator = dataLength < 0 ? 0 : 1;
        int start = Math.max(dataLength, 0);
        int needed = start + separator + (to - from);
        if (needed > maxEventBytes) {
            throw new EventTooLarge(maxEventBytes);
        }
        if (needed > data.length) {
            data = Arrays.copyOf(data, Math.min(Math.max(needed, data.length * 2), maxEventBytes));
        }
        if (separator == 1) {
            data[start] = LF;
        }
        System.arraycopy(line, from, data, start + separator, to - from);
        dataLength = needed;
    }
}
