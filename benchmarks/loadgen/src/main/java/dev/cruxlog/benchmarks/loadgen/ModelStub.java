package dev.cruxlog.benchmarks.loadgen;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

/**
 * {@code model-stub PORT TOKENS_PER_SECOND SECONDS_PER_ANSWER [LIFETIME_SECONDS]}: a slow
 * upstream, an OpenAI-compatible chat-completions API on 127.0.0.1. {@code POST
 * /v1/chat/completions} with {@code "stream": true} is answered as server-sent events in
 * OpenAI's wire format: a first chunk with the assistant role, then one chunk per token
 * ({@code "delta":{"content":"tok "}}) every 1/TOKENS_PER_SECOND s for SECONDS_PER_ANSWER s, a
 * last chunk with {@code "finish_reason":"stop"}, then {@code data: [DONE]}.
 *
 * <p>No thread waits for a stream: the JDK's HTTP server takes the request on one of two
 * handler threads, which writes the headers and the role chunk and hands the stream to a
 * two-thread scheduled executor; each tick writes one chunk (a few hundred bytes, so the
 * socket never pushes back) and the last one closes the exchange. So 1,000 concurrent streams
 * cost 1,000 scheduled tasks, not 1,000 threads.
 *
 * <p>{@code GET /stats} answers what it served since the last {@code GET /stats?reset=true}:
 * streams started, completed and broken off, the most at once, and the time from taking each
 * request to writing its first token (p50/p99/max, ms) - the floor for the first-token latency
 * of anything that relays it. Stops after LIFETIME_SECONDS (default 600).
 */
final class ModelStub {

    private static final Pattern STREAM = Pattern.compile("\"stream\"\\s*:\\s*true");
    private static final Pattern MODEL = Pattern.compile("\"model\"\\s*:\\s*\"([^\"]{1,100})\"");

    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    private final long periodNanos;
    private final int tokens;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicReference<Counters> counters = new AtomicReference<>(new Counters());

    /** What was served since the last reset. */
    private static final class Counters {
        final AtomicLong started = new AtomicLong();
        final AtomicLong completed = new AtomicLong();
        final AtomicLong broken = new AtomicLong();
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger maxOpen = new AtomicInteger();
        final Histogram firstToken = new SynchronizedHistogram(3);
    }

    private ModelStub(double tokensPerSecond, double secondsPerAnswer) {
        this.periodNanos = (long) (1e9 / tokensPerSecond);
        this.tokens = (int) Math.round(tokensPerSecond * secondsPerAnswer);
    }

    static void run(int port, double tokensPerSecond, double secondsPerAnswer, int lifetimeSeconds) throws Exception {
        ModelStub stub = new ModelStub(tokensPerSecond, secondsPerAnswer);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 4096);
        ExecutorService handlers = Executors.newFixedThreadPool(2);
        server.setExecutor(handlers);
        server.createContext("/v1/chat/completions", stub::completions);
        server.createContext("/stats", stub::stats);
        server.start();
        System.err.println("model stub on 127.0.0.1:" + port + ": " + stub.tokens + " tokens, one every "
                + stub.periodNanos / 1_000_000 + " ms, for " + lifetimeSeconds + " s");
        Thread.sleep(TimeUnit.SECONDS.toMillis(lifetimeSeconds));
        System.out.println(stub.statsJson(false));
        server.stop(0);
        stub.timer.shutdownNow();
        handlers.shutdownNow();
        System.exit(0);
    }

    private void completions(HttpExchange exchange) throws IOException {
        long received = System.nanoTime();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!"POST".equals(exchange.getRequestMethod()) || !STREAM.matcher(body).find()) {
            byte[] error = "{\"error\":{\"message\":\"the stub answers POST with \\\"stream\\\": true only\",\"type\":\"invalid_request_error\"}}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(400, error.length);
            exchange.getResponseBody().write(error);
            exchange.close();
            return;
        }
        Matcher model = MODEL.matcher(body);
        Stream stream = new Stream(exchange, counters.get(), "chatcmpl-stub" + ids.incrementAndGet(),
                model.find() ? model.group(1) : "stub", Instant.now().getEpochSecond(), received);
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        stream.counters.started.incrementAndGet();
        stream.counters.maxOpen.accumulateAndGet(stream.counters.open.incrementAndGet(), Math::max);
        if (stream.write("{\"role\":\"assistant\",\"content\":\"\"}", "null")) {
            stream.task = timer.scheduleAtFixedRate(stream::tick, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** One answer being written; {@link #tick} runs on the timer, never twice at once. */
    private final class Stream {
        final HttpExchange exchange;
        final OutputStream out;
        final Counters counters;
        final String id;
        final String model;
        final long created;
        final long received;
        volatile ScheduledFuture<?> task;
        int sent;
        boolean ended;

        Stream(HttpExchange exchange, Counters counters, String id, String model, long created, long received) {
            this.exchange = exchange;
            this.out = exchange.getResponseBody();
            this.counters = counters;
            this.id = id;
            this.model = model;
            this.created = created;
            this.received = received;
        }

        void tick() {
            if (ended) {
                return;
            }
            if (sent < tokens) {
                if (!write("{\"content\":\"tok \"}", "null")) {
                    return;
                }
                if (++sent == 1) {
                    counters.firstToken.recordValue(Math.max(1, (System.nanoTime() - received) / 1000));
                }
                return;
            }
            if (write("{}", "\"stop\"") && raw("data: [DONE]\n\n")) {
                counters.completed.incrementAndGet();
                end();
            }
        }

        boolean write(String delta, String finishReason) {
            return raw("data: {\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"created\":" + created
                    + ",\"model\":\"" + model + "\",\"system_fingerprint\":\"fp_stub\",\"choices\":[{\"index\":0,\"delta\":"
                    + delta + ",\"logprobs\":null,\"finish_reason\":" + finishReason + "}]}\n\n");
        }

        boolean raw(String text) {
            try {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
                return true;
            } catch (IOException e) {
                counters.broken.incrementAndGet();
                end();
                return false;
            }
        }

        void end() {
            ended = true;
            counters.open.decrementAndGet();
            ScheduledFuture<?> scheduled = task;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
            exchange.close();
        }
    }

    private void stats(HttpExchange exchange) throws IOException {
        boolean reset = exchange.getRequestURI().getRawQuery() != null && exchange.getRequestURI().getRawQuery().contains("reset=true");
        byte[] json = statsJson(reset).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, json.length);
        exchange.getResponseBody().write(json);
        exchange.close();
    }

    private String statsJson(boolean reset) {
        Counters current = reset ? counters.getAndSet(new Counters()) : counters.get();
        Histogram firstToken = current.firstToken.copy();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("stubStreams", current.started.get());
        result.put("stubCompleted", current.completed.get());
        result.put("stubBroken", current.broken.get());
        result.put("stubMaxConcurrent", current.maxOpen.get());
        result.put("stubTokensPerAnswer", tokens);
        result.put("stubFirstTokenP50Ms", firstToken.getValueAtPercentile(50) / 1000.0);
        result.put("stubFirstTokenP99Ms", firstToken.getValueAtPercentile(99) / 1000.0);
        result.put("stubFirstTokenMaxMs", firstToken.getMaxValue() / 1000.0);
        return LoadGenerator.json(result);
    }
}
