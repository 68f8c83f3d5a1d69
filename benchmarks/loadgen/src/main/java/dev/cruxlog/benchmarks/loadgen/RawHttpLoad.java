package dev.cruxlog.benchmarks.loadgen;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * The load generator's HTTP engine: HTTP/1.1 keep-alive GETs over non-blocking sockets, all on
 * one thread (one selector), the request bytes of every token encoded once.
 *
 * <p>Why not {@code java.net.http.HttpClient}, which the harness used before: on this 2-core
 * machine it spent about 0.7 ms of CPU per ticks-page request (47 % of a core at 660 req/s,
 * measured with {@code top}), more than the server under test, on the core PostgreSQL shares.
 * Every server's figures were bounded by the load generator's appetite. This engine does what a
 * benchmark client must and no more: writes a request, reads the status line and headers, skips
 * the body by {@code Content-Length} or chunked framing, and records the latency.
 *
 * <p>Closed loop: each connection sends its next request as soon as the last one is answered.
 * Open model: requests fall due at a fixed rate and are timed from when they were due; a due
 * request takes an idle connection, or opens one while fewer than {@code connections} are open,
 * or waits in order for one (at most {@code connections} in flight, as before).
 */
final class RawHttpLoad implements AutoCloseable {

    private static final long REQUEST_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    /** What the requests accept: JSON for the API; run.sh sets LOADGEN_ACCEPT=text/html for pages. */
    private static final String ACCEPT = System.getenv().getOrDefault("LOADGEN_ACCEPT", "application/json");

    private final InetSocketAddress address;
    private final byte[][] requests;
    private final Selector selector;
    private final List<Conn> open = new ArrayList<>();
    private final ArrayDeque<Conn> idle = new ArrayDeque<>();

    // One phase's state (phases run one after another on the calling thread).
    private Histogram histogram;
    private long done;
    private long errors;
    private long inFlight;
    private long lastTimeoutScan = System.nanoTime();

    RawHttpLoad(String url, List<String> tokens) throws IOException {
        URI uri = URI.create(url);
        this.address = new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort());
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        this.requests = new byte[tokens.size()][];
        for (int i = 0; i < tokens.size(); i++) {
            requests[i] = ("GET " + target + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + address.getPort()
                    + "\r\nAuthorization: Bearer " + tokens.get(i).trim() + "\r\nAccept: " + ACCEPT + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
        }
        this.selector = Selector.open();
    }

    /** Results of one phase. */
    record Outcome(long requests, long errors, long unanswered, double seconds, Histogram latencyMicros) {
    }

    /** A closed loop: {@code connections} clients, client c using token (firstToken + c). */
    Outcome closed(int connections, int firstToken, double seconds) throws IOException {
        begin();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        while (open.size() < connections) {
            idle.add(connect());
        }
        int c = 0;
        for (Conn conn : List.copyOf(idle)) {
            conn.token = (firstToken + c++) % requests.length;
        }
        while (!idle.isEmpty()) {
            Conn conn = idle.poll();
            conn.send(requests[conn.token], System.nanoTime());
        }
        while (inFlight() > 0) {
            long now = System.nanoTime();
            selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextTimeout(now) - now)));
            now = System.nanoTime();
            for (Conn answered : poll(now)) {
                if (now < end) {
                    answered.send(requests[answered.token], now);
                } else {
                    idle.add(answered);
                }
            }
        }
        return new Outcome(done, errors, 0, (System.nanoTime() - start) / 1e9, histogram);
    }

    /** An open model at {@code rate} per second for {@code seconds}, then waits for what is in flight. */
    Outcome open(int connections, int firstToken, double seconds, double rate) throws IOException {
        begin();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long interval = (long) (1e9 / rate);
        long due = start;
        int token = firstToken;
        ArrayDeque<long[]> waiting = new ArrayDeque<>(); // {due, token} of requests due with no connection free
        while (due < end || !waiting.isEmpty() || inFlight() > 0) {
            long now = System.nanoTime();
            while (due < end && due <= now) {
                waiting.add(new long[] {due, token++ % requests.length});
                due += interval;
            }
            while (!waiting.isEmpty()) {
                Conn conn = idle.poll();
                if (conn == null && open.size() < connections) {
                    try {
                        conn = connect();
                    } catch (IOException refused) {
                        failUnsent(waiting.poll()[0]);
                        continue;
                    }
                }
                if (conn == null) {
                    break;
                }
                long[] request = waiting.poll();
                conn.send(requests[(int) request[1]], request[0]);
            }
            long wake = Math.min(due < end ? due : Long.MAX_VALUE, nextTimeout(now));
            // Rounded up: rounded down, the last part of each millisecond before a request falls
            // due was spent in selectNow() calls, a busy loop on the load generator's core.
            long waitMillis = wake == Long.MAX_VALUE ? 100 : (wake - now + 999_999) / 1_000_000;
            if (waitMillis > 0) {
                selector.select(waitMillis);
            } else {
                selector.selectNow();
            }
            idle.addAll(poll(System.nanoTime()));
        }
        return new Outcome(done, errors, 0, (System.nanoTime() - start) / 1e9, histogram);
    }

    private void begin() {
        histogram = new Histogram(3_600_000_000L, 3);
        done = 0;
        errors = 0;
    }

    private long inFlight() {
        return inFlight;
    }

    /** Timeouts are looked for every 100 ms, not per wake-up: a scan of 1,000 connections per response would cost. */
    private long nextTimeout(long now) {
        return lastTimeoutScan + TimeUnit.MILLISECONDS.toNanos(100);
    }

    /** Reads what arrived; returns the connections whose response completed (ready for the next request). */
    private List<Conn> poll(long now) throws IOException {
        List<Conn> ready = new ArrayList<>();
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
            SelectionKey key = keys.next();
            keys.remove();
            Conn conn = (Conn) key.attachment();
            try {
                if (key.isValid() && key.isWritable()) {
                    conn.flush();
                }
                if (key.isValid() && key.isReadable() && conn.read()) {
                    record(conn, conn.status != 200);
                    Conn next = conn.closeAfter ? replace(conn) : conn;
                    if (next != null) {
                        ready.add(next);
                    }
                }
            } catch (IOException | RuntimeException e) {
                if (conn.sentAt == 0) {
                    // An idle connection the server closed (keep-alive timeout): not a request.
                    conn.close();
                    open.remove(conn);
                    idle.remove(conn);
                } else {
                    record(conn, true);
                    Conn fresh = replace(conn);
                    if (fresh != null) {
                        ready.add(fresh);
                    }
                }
            }
        }
        if (now - lastTimeoutScan >= TimeUnit.MILLISECONDS.toNanos(100)) {
            lastTimeoutScan = now;
            for (Conn conn : List.copyOf(open)) {
                if (conn.sentAt != 0 && now - conn.sentAt > REQUEST_TIMEOUT_NANOS) {
                    record(conn, true);
                    Conn fresh = replace(conn);
                    if (fresh != null) {
                        ready.add(fresh);
                    }
                }
            }
        }
        return ready;
    }

    private void record(Conn conn, boolean failed) {
        long micros = Math.max(1, (System.nanoTime() - conn.intended) / 1000);
        histogram.recordValue(Math.min(micros, 3_600_000_000L));
        done++;
        if (failed) {
            errors++;
        }
        if (conn.sentAt != 0) {
            inFlight--;
        }
        conn.sentAt = 0;
    }

    /** A new connection in place of one that broke, or null when the server refuses it (counted then). */
    private Conn replace(Conn broken) {
        broken.close();
        open.remove(broken);
        idle.remove(broken);
        try {
            Conn fresh = connect();
            fresh.token = broken.token;
            return fresh;
        } catch (IOException refused) {
            return null;
        }
    }

    /** A request that could not even be sent (no connection): an error, timed as any other. */
    private void failUnsent(long intended) {
        histogram.recordValue(Math.min(Math.max(1, (System.nanoTime() - intended) / 1000), 3_600_000_000L));
        done++;
        errors++;
    }

    private Conn connect() throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.connect(address); // blocking connect on loopback, then non-blocking I/O
        channel.configureBlocking(false);
        Conn conn = new Conn(channel);
        conn.key = channel.register(selector, 0, conn);
        open.add(conn);
        return conn;
    }

    @Override
    public void close() throws IOException {
        for (Conn conn : open) {
            conn.close();
        }
        selector.close();
    }

    /** One keep-alive connection and the response it is reading. */
    private final class Conn {
        final SocketChannel channel;
        final ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
        SelectionKey key;
        ByteBuffer out;
        int token;
        long intended;
        long sentAt;
        // response state
        int status;
        boolean headersDone;
        boolean chunked;
        boolean closeAfter;
        long remaining;     // body bytes left (Content-Length), or of the current chunk
        int chunkState;     // 0 size line, 1 data, 2 CRLF after data, 3 trailer after the last chunk
        final StringBuilder line = new StringBuilder();
        final List<String> headerLines = new ArrayList<>();

        Conn(SocketChannel channel) {
            this.channel = channel;
        }

        /** Never throws: a connection that cannot be written fails on its next read, where failures are counted. */
        void send(byte[] request, long intendedAt) {
            intended = intendedAt;
            sentAt = System.nanoTime();
            inFlight++;
            status = 0;
            headersDone = false;
            chunked = false;
            closeAfter = false;
            remaining = 0;
            chunkState = 0;
            line.setLength(0);
            headerLines.clear();
            out = ByteBuffer.wrap(request);
            try {
                flush();
            } catch (IOException | CancelledKeyException e) {
                // Fails on its next read (or times out), where failures are counted.
                if (key.isValid()) {
                    key.interestOps(SelectionKey.OP_READ);
                }
            }
        }

        void flush() throws IOException {
            channel.write(out);
            key.interestOps(out.hasRemaining() ? SelectionKey.OP_WRITE | SelectionKey.OP_READ : SelectionKey.OP_READ);
        }

        /** Reads what is there; true once the whole response has arrived. */
        boolean read() throws IOException {
            while (true) {
                in.clear();
                int n = channel.read(in);
                if (n < 0) {
                    throw new IOException("closed by the server");
                }
                if (n == 0) {
                    return false;
                }
                in.flip();
                if (consume()) {
                    if (in.hasRemaining()) {
                        throw new IOException("bytes after the response");
                    }
                    return true;
                }
            }
        }

        private boolean consume() throws IOException {
            while (in.hasRemaining()) {
                if (!headersDone) {
                    if (!readLine()) {
                        return false;
                    }
                    String text = line.toString();
                    line.setLength(0);
                    if (status == 0) {
                        status = Integer.parseInt(text.substring(9, 12));
                    } else if (!text.isEmpty()) {
                        headerLines.add(text);
                    } else {
                        headersDone = true;
                        for (String header : headerLines) {
                            int colon = header.indexOf(':');
                            String name = header.substring(0, colon).trim();
                            String value = header.substring(colon + 1).trim();
                            if (name.equalsIgnoreCase("Content-Length")) {
                                remaining = Long.parseLong(value);
                            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                                chunked = true;
                            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                                closeAfter = true;
                            }
                        }
                        if (!chunked && remaining == 0) {
                            return true;
                        }
                    }
                } else if (!chunked) {
                    int skip = (int) Math.min(remaining, in.remaining());
                    in.position(in.position() + skip);
                    remaining -= skip;
                    if (remaining == 0) {
                        return true;
                    }
                } else if (chunkState == 0 || chunkState == 2 || chunkState == 3) {
                    if (!readLine()) {
                        return false;
                    }
                    String text = line.toString();
                    line.setLength(0);
                    if (chunkState == 0) {
                        int semicolon = text.indexOf(';');
                        remaining = Long.parseLong((semicolon < 0 ? text : text.substring(0, semicolon)).trim(), 16);
                        chunkState = remaining == 0 ? 3 : 1;
                    } else if (chunkState == 2) {
                        chunkState = 0;
                    } else if (text.isEmpty()) {
                        return true; // end of the (empty) trailer
                    }
                } else {
                    int skip = (int) Math.min(remaining, in.remaining());
                    in.position(in.position() + skip);
                    remaining -= skip;
                    if (remaining == 0) {
                        chunkState = 2;
                    }
                }
            }
            return false;
        }

        /** Appends bytes up to CRLF; true when a whole line (without CRLF) is in {@code line}. */
        private boolean readLine() throws IOException {
            while (in.hasRemaining()) {
                char c = (char) (in.get() & 0xff);
                if (c == '\n') {
                    int last = line.length() - 1;
                    if (last >= 0 && line.charAt(last) == '\r') {
                        line.setLength(last);
                    }
                    return true;
                }
                if (line.length() > 16 * 1024) {
                    throw new IOException("header line too long");
                }
                line.append(c);
            }
            return false;
        }

        void close() {
            try {
                key.cancel();
                channel.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
        }
    }
}
