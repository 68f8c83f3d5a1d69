package dev.cruxlog.benchmarks.loadgen;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

/**
 * {@code stream URL TOKENS_FILE CONCURRENCY EXPECTED_TOKENS [RAMP_SECONDS] [TIMEOUT_SECONDS]}:
 * CONCURRENCY streamed coach answers at once, each checked token by token.
 *
 * <p>When URL ends with {@code /conversations} (Cruxlog's {@code /api/v1/coach/conversations})
 * each stream first gets its own conversation ({@code POST URL}, 32 at a time, not timed), then
 * asks in it ({@code POST URL/{id}/messages}); any other URL (the blocking twin's
 * {@code /api/v1/coach/relay}) is asked directly. The questions start evenly spread over
 * RAMP_SECONDS (0: all at once), token {@code i % tokens} for stream i. An answer is read as
 * server-sent events ({@code event:token} with {@code "text"}, then {@code event:done} with
 * {@code "status":"complete"}); it counts as complete only if the done event came and its text
 * is exactly EXPECTED_TOKENS times {@code "tok "} (the model stub's tokens, none lost, none
 * doubled). Prints JSON: streams, complete ones, failures by kind, the first-token latency
 * (from sending the question to its first token event) and answer duration percentiles in ms,
 * and the most streams open at once. Gives up TIMEOUT_SECONDS (default 120) after the last start.
 */
final class StreamClient {

    private static final String QUESTION = "{\"content\":\"How should I train for my next project?\"}";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");

    /** One answer being read. */
    private static final class Answer implements Flow.Subscriber<String> {
        final CompletableFuture<Void> finished = new CompletableFuture<>();
        final long sent;
        final StringBuilder text = new StringBuilder();
        final Histogram firstTokens;
        final AtomicInteger open;
        volatile int status;
        String event;
        long firstToken;
        long ended;
        int tokenEvents;
        String doneStatus;
        String error;

        Answer(long sent, Histogram firstTokens, AtomicInteger open) {
            this.sent = sent;
            this.firstTokens = firstTokens;
            this.open = open;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public synchronized void onNext(String line) {
            if (line.isEmpty()) {
                event = null;
            } else if (line.startsWith("event:")) {
                event = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                String data = line.substring(line.startsWith("data: ") ? 6 : 5);
                String type = event != null ? event : string(data, "type");
                if ("token".equals(type)) {
                    if (tokenEvents++ == 0) {
                        firstToken = System.nanoTime();
                        firstTokens.recordValue(Math.max(1, (firstToken - sent) / 1000));
                    }
                    String piece = string(data, "text");
                    if (piece != null) {
                        text.append(piece);
                    }
                } else if ("done".equals(type)) {
                    doneStatus = string(data, "status");
                } else if ("error".equals(type)) {
                    error = string(data, "text");
                }
            }
        }

        @Override
        public synchronized void onError(Throwable throwable) {
            if (error == null) {
                error = throwable.getClass().getSimpleName();
            }
            end();
        }

        @Override
        public synchronized void onComplete() {
            end();
        }

        private void end() {
            if (finished.isDone()) {
                return;
            }
            ended = System.nanoTime();
            open.decrementAndGet();
            finished.complete(null);
        }
    }

    static void run(String url, List<String> allTokens, int concurrency, int expectedTokens, double rampSeconds,
                    int timeoutSeconds) throws Exception {
        List<String> tokens = allTokens.stream().filter(t -> !t.isBlank()).map(String::trim).toList();
        ExecutorService workers = Executors.newFixedThreadPool(2);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(workers)
                .connectTimeout(Duration.ofSeconds(10)).build();
        boolean coach = url.replaceAll("/+$", "").endsWith("/conversations");
        String base = url.replaceAll("/+$", "");

        // Setup (not timed): a conversation per stream.
        String[] targets = new String[concurrency];
        int setupFailed = 0;
        long setupStart = System.nanoTime();
        if (coach) {
            Semaphore slots = new Semaphore(32);
            List<CompletableFuture<Void>> created = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                int n = i;
                slots.acquireUninterruptibly();
                HttpRequest request = HttpRequest.newBuilder(URI.create(base))
                        .header("Authorization", "Bearer " + tokens.get(i % tokens.size()))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Benchmark S8\"}")).build();
                created.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
                    slots.release();
                    if (failure == null && response.statusCode() == 201) {
                        Matcher id = ID.matcher(response.body());
                        if (id.find()) {
                            targets[n] = base + "/" + id.group(1) + "/messages";
                        }
                    }
                    return null;
                }));
            }
            CompletableFuture.allOf(created.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            for (String target : targets) {
                setupFailed += target == null ? 1 : 0;
            }
        } else {
            java.util.Arrays.fill(targets, base);
        }
        double setupSeconds = (System.nanoTime() - setupStart) / 1e9;

        // The questions, spread over the ramp.
        Histogram firstTokens = new SynchronizedHistogram(3);
        AtomicInteger open = new AtomicInteger();
        AtomicInteger maxOpen = new AtomicInteger();
        List<Answer> answers = new ArrayList<>();
        Map<String, Integer> failures = new TreeMap<>();
        long start = System.nanoTime();
        long interval = concurrency > 1 ? (long) (rampSeconds * 1e9 / concurrency) : 0;
        for (int i = 0; i < concurrency; i++) {
            if (targets[i] == null) {
                continue;
            }
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Answer answer = new Answer(System.nanoTime(), firstTokens, open);
            maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
            answers.add(answer);
            HttpRequest request = HttpRequest.newBuilder(URI.create(targets[i]))
                    .header("Authorization", "Bearer " + tokens.get(i % tokens.size()))
                    .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                    .timeout(Duration.ofSeconds(timeoutSeconds))
                    .POST(HttpRequest.BodyPublishers.ofString(QUESTION)).build();
            client.sendAsync(request, info -> {
                answer.status = info.statusCode();
                return HttpResponse.BodySubscribers.fromLineSubscriber(answer);
            }).whenComplete((response, failure) -> {
                if (failure != null && !answer.finished.isDone()) {
                    answer.onError(failure);
                }
            });
        }
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        for (Answer answer : answers) {
            try {
                answer.finished.get(Math.max(1, giveUp - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                // judged below as not finished
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        String expected = "tok ".repeat(expectedTokens);
        int complete = 0;
        long tokensReceived = 0;
        Histogram durations = new Histogram(3);
        for (Answer answer : answers) {
            synchronized (answer) {
                tokensReceived += answer.tokenEvents;
                String kind;
                if (!answer.finished.isDone()) {
                    kind = "unfinished";
                } else if (answer.status != 200) {
                    kind = "http" + answer.status;
                } else if (answer.error != null) {
                    String clean = answer.error.replaceAll("[^A-Za-z0-9 ().,:'-]", "");
                    kind = "error: " + clean.substring(0, Math.min(80, clean.length()));
                } else if (!"complete".equals(answer.doneStatus)) {
                    kind = "no done event";
                } else if (!expected.contentEquals(answer.text)) {
                    kind = "wrong text";
                } else {
                    complete++;
                    durations.recordValue(Math.max(1, (answer.ended - answer.sent) / 1000));
                    continue;
                }
                failures.merge(kind, 1, Integer::sum);
            }
        }
        failures.merge("no conversation", setupFailed, Integer::sum);
        failures.values().removeIf(count -> count == 0);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("mode", coach ? "coach" : "relay");
        result.put("streams", concurrency);
        result.put("complete", complete);
        result.put("failed", concurrency - complete);
        StringBuilder kinds = new StringBuilder();
        failures.forEach((kind, count) -> kinds.append(kinds.length() == 0 ? "" : "; ").append(kind).append(" x").append(count));
        result.put("failures", kinds.toString());
        result.put("tokensExpected", (long) expectedTokens * concurrency);
        result.put("tokensReceived", tokensReceived);
        result.put("rampSeconds", rampSeconds);
        result.put("setupSeconds", setupSeconds);
        result.put("seconds", seconds);
        result.put("maxOpenStreams", maxOpen.get());
        result.put("firstTokenP50Ms", firstTokens.getValueAtPercentile(50) / 1000.0);
        result.put("firstTokenP90Ms", firstTokens.getValueAtPercentile(90) / 1000.0);
        result.put("firstTokenP99Ms", firstTokens.getValueAtPercentile(99) / 1000.0);
        result.put("firstTokenMaxMs", firstTokens.getMaxValue() / 1000.0);
        result.put("answerP50Ms", durations.getValueAtPercentile(50) / 1000.0);
        result.put("answerP99Ms", durations.getValueAtPercentile(99) / 1000.0);
        System.out.println(LoadGenerator.json(result));
        workers.shutdownNow();
        System.exit(0);
    }

    /** The value of a top-level string field in a small JSON object, unescaped; null when absent or not a string. */
    static String string(String json, String field) {
        String key = "\"" + field + "\"";
        int at = json.indexOf(key);
        while (at >= 0) {
            int i = at + key.length();
            while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
                i++;
            }
            if (i < json.length() && json.charAt(i) == ':') {
                i++;
                while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
                    i++;
                }
                if (i >= json.length() || json.charAt(i) != '"') {
                    return null;
                }
                StringBuilder value = new StringBuilder();
                for (i++; i < json.length(); i++) {
                    char c = json.charAt(i);
                    if (c == '"') {
                        return value.toString();
                    }
                    if (c == '\\' && i + 1 < json.length()) {
                        char e = json.charAt(++i);
                        switch (e) {
                            case 'n' -> value.append('\n');
                            case 't' -> value.append('\t');
                            case 'r' -> value.append('\r');
                            case 'b' -> value.append('\b');
                            case 'f' -> value.append('\f');
                            case 'u' -> {
                                value.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                                i += 4;
                            }
                            default -> value.append(e);
                        }
                    } else {
                        value.append(c);
                    }
                }
                return null;
            }
            at = json.indexOf(key, at + 1);
        }
        return null;
    }
}
