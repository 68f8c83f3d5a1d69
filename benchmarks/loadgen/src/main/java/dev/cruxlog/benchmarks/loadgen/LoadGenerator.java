package dev.cruxlog.benchmarks.loadgen;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The benchmark's load generator.
 * <ul>
 *   <li>{@code tokens SECRET_B64 OWNERS_FILE} prints an HS256 access token per owner id (Cruxlog's claims),
 *       so no password hashing runs during a benchmark;</li>
 *   <li>{@code load URL TOKENS_FILE CONNECTIONS SECONDS [RATE]} runs a closed loop of CONNECTIONS clients
 *       (no RATE), or an open model: requests scheduled at RATE per second, each timed from the moment
 *       it was due, so a slow server cannot hide its queueing (no coordinated omission); at most
 *       CONNECTIONS in flight. Prints one JSON line: requests, errors, throughput, p50..p99.9, max;</li>
 *   <li>{@code idle HOST PORT CONNECTIONS SECONDS} opens keep-alive connections, makes one request on each,
 *       and holds them idle.</li>
 * </ul>
 */
public final class LoadGenerator {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "tokens" -> tokens(args[1], Path.of(args[2]));
            case "load" -> load(args[1], Files.readAllLines(Path.of(args[2])), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]), args.length > 5 ? Double.parseDouble(args[5]) : 0);
            case "idle" -> idle(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException("tokens | load | idle");
        }
    }

    static void tokens(String secretBase64, Path owners) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secretBase64), "HmacSHA256"));
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
        long now = Instant.now().getEpochSecond();
        for (String owner : Files.readAllLines(owners)) {
            if (owner.isBlank()) {
                continue;
            }
            String[] parts = owner.trim().split("\\s+");
            String claims = "{\"iss\":\"cruxlog\",\"sub\":\"" + parts[0] + "\",\"iat\":" + now + ",\"exp\":" + (now + 86_400)
                    + ",\"preferred_username\":\"" + parts[1] + "\",\"email\":\"" + parts[1] + "@bench.test\","
                    + "\"email_verified\":true,\"tier\":\"FREE\",\"roles\":[\"USER\"]}";
            String body = header + "." + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
            System.out.println(body + "." + url.encodeToString(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII))));
        }
    }

    static void load(String url, List<String> tokens, int connections, int seconds, double rate) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(2);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(workers)
                .connectTimeout(Duration.ofSeconds(10)).build();
        Recorder recorder = new Recorder(3);
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Semaphore inFlight = new Semaphore(connections);
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        List<CompletableFuture<?>> pending = new ArrayList<>();
        if (rate <= 0) {
            // Closed loop: each client sends its next request when the last one answers.
            for (int c = 0; c < connections; c++) {
                String token = tokens.get(c % tokens.size());
                CompletableFuture<Void> loop = new CompletableFuture<>();
                pending.add(loop);
                next(client, url, token, recorder, done, errors, end, loop, System.nanoTime());
            }
        } else {
            long interval = (long) (1_000_000_000L / rate);
            long due = start;
            int i = 0;
            while (due < end) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                inFlight.acquireUninterruptibly();
                long intended = due;
                String token = tokens.get(i++ % tokens.size());
                pending.add(send(client, url, token).whenComplete((response, failure) -> {
                    inFlight.release();
                    record(recorder, done, errors, intended, response, failure);
                }));
                due += interval;
            }
        }
        for (CompletableFuture<?> future : pending) {
            try {
                future.get(60, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // counted as an error where it happened
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Histogram histogram = recorder.getIntervalHistogram();
        Map<String, Object> result = new HashMap<>();
        result.put("mode", rate <= 0 ? "closed" : "open");
        result.put("connections", connections);
        result.put("targetRate", rate);
        result.put("seconds", elapsed);
        result.put("requests", done.get());
        result.put("errors", errors.get());
        result.put("rps", done.get() / elapsed);
        for (double p : new double[] {50, 90, 99, 99.9}) {
            result.put("p" + (p == 99.9 ? "999" : String.valueOf((int) p)), histogram.getValueAtPercentile(p) / 1000.0);
        }
        result.put("max", histogram.getMaxValue() / 1000.0);
        System.out.println(json(result));
        workers.shutdownNow();
        System.exit(0);
    }

    private static void next(HttpClient client, String url, String token, Recorder recorder, AtomicLong done, AtomicLong errors,
                             long end, CompletableFuture<Void> loop, long sent) {
        if (System.nanoTime() >= end) {
            loop.complete(null);
            return;
        }
        send(client, url, token).whenComplete((response, failure) -> {
            record(recorder, done, errors, sent, response, failure);
            next(client, url, token, recorder, done, errors, end, loop, System.nanoTime());
        });
    }

    private static CompletableFuture<HttpResponse<byte[]>> send(HttpClient client, String url, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").timeout(Duration.ofSeconds(60)).GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Latency in microseconds, from when the request was due. */
    private static void record(Recorder recorder, AtomicLong done, AtomicLong errors, long intended,
                               HttpResponse<byte[]> response, Throwable failure) {
        long micros = Math.max(1, (System.nanoTime() - intended) / 1000);
        recorder.recordValue(Math.min(micros, 3_600_000_000L));
        done.incrementAndGet();
        if (failure != null || response.statusCode() != 200) {
            errors.incrementAndGet();
        }
    }

    static void idle(String host, int port, int connections, int seconds) throws Exception {
        List<Socket> sockets = new ArrayList<>();
        byte[] request = ("GET /actuator/health HTTP/1.1\r\nHost: " + host + "\r\nConnection: keep-alive\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        int open = 0;
        for (int i = 0; i < connections; i++) {
            try {
                Socket socket = new Socket(host, port);
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[4096];
                in.read(buffer);
                sockets.add(socket);
                open++;
            } catch (IOException e) {
                break;
            }
        }
        System.out.println("{\"idleConnections\":" + open + "}");
        System.out.flush();
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private static String json(Map<String, Object> values) {
        StringBuilder json = new StringBuilder("{");
        values.forEach((key, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(key).append("\":");
            json.append(value instanceof Number n && !(value instanceof Integer || value instanceof Long)
                    ? String.format(Locale.ROOT, "%.3f", n.doubleValue()) : value instanceof String ? "\"" + value + "\"" : value);
        });
        return json.append('}').toString();
    }
}
