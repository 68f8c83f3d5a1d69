package dev.cruxlog.benchmarks.loadgen;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.HdrHistogram.Histogram;

/**
 * The benchmark's load generator (every subcommand prints JSON on standard output).
 * <ul>
 *   <li>{@code tokens SECRET_B64 OWNERS_FILE [TIER]} prints an HS256 access token per owner id (Cruxlog's claims,
 *       tier FREE unless TIER is given), so no password hashing runs during a benchmark;</li>
 *   <li>{@code load URL TOKENS_FILE CONNECTIONS SECONDS [RATE]} runs a closed loop of CONNECTIONS clients
 *       (no RATE), or an open model: requests scheduled at RATE per second, each timed from the moment
 *       it was due, so a slow server cannot hide its queueing (no coordinated omission); at most
 *       CONNECTIONS in flight. Prints one JSON line: requests, errors, throughput, p50..p99.9, max;</li>
 *   <li>{@code ramp URL TOKENS_FILE CONNECTIONS START_RATE FACTOR MAX_STEPS STEP_SECONDS WARMUP_SECONDS P99_LIMIT_MS [PID [JIT_QUIET]]}
 *       searches the maximum sustainable throughput, after WARMUP_SECONDS at START_RATE (repeated, up to 30 s, while the
 *       server's JIT compilers use JIT_QUIET of a core or more, 0.05 unless given): open-model steps of STEP_SECONDS, the rate multiplied by
 *       FACTOR after each step that held (p99 at most P99_LIMIT_MS and no error), until one does not or
 *       MAX_STEPS ran (if the first step already fails, the rate is divided by FACTOR until one holds).
 *       One JSON line per step (with the server's CPU, RSS and threads from /proc/PID when given, and the
 *       machine's, PostgreSQL's and this generator's CPU over the step: {@link MachineCpu}), then a
 *       summary line with {@code maxRps}, the highest rate that held;</li>
 *   <li>{@code idle HOST PORT CONNECTIONS SECONDS} opens keep-alive connections, makes one request on each,
 *       and holds them idle;</li>
 *   <li>{@code proxy LISTEN_PORT TARGET_HOST TARGET_PORT DELAY_MS SECONDS}: a TCP proxy on 127.0.0.1 that
 *       delays every chunk by DELAY_MS in each direction ({@link LatencyProxy});</li>
 *   <li>{@code model-stub PORT TOKENS_PER_SECOND SECONDS_PER_ANSWER [LIFETIME_SECONDS]}: an OpenAI-compatible
 *       streaming chat-completions stub ({@link ModelStub});</li>
 *   <li>{@code stream URL TOKENS_FILE CONCURRENCY EXPECTED_TOKENS [RAMP_SECONDS] [TIMEOUT_SECONDS]}: concurrent
 *       streamed coach answers, checked token by token ({@link StreamClient});</li>
 *   <li>{@code alloc JFR_BEFORE JFR_AFTER}: bytes the JVM allocated between two JFR dumps ({@link Allocation});</li>
 *   <li>{@code mixed BASE_URL CLIMBERS_FILE SECONDS OUT_DIR}: the reliability harness's mixed traffic with a
 *       ledger of acknowledged writes ({@link MixedLoad}).</li>
 * </ul>
 */
public final class LoadGenerator {

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "tokens" -> tokens(args[1], Path.of(args[2]), args.length > 3 ? args[3] : "FREE");
            case "load" -> load(args[1], Files.readAllLines(Path.of(args[2])), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]), args.length > 5 ? Double.parseDouble(args[5]) : 0);
            case "ramp" -> ramp(args[1], Files.readAllLines(Path.of(args[2])), Integer.parseInt(args[3]),
                    Double.parseDouble(args[4]), Double.parseDouble(args[5]), Integer.parseInt(args[6]),
                    Integer.parseInt(args[7]), Integer.parseInt(args[8]), Double.parseDouble(args[9]),
                    args.length > 10 ? Long.parseLong(args[10]) : 0, args.length > 11 ? Double.parseDouble(args[11]) : 0.05);
            case "idle" -> idle(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "proxy" -> LatencyProxy.run(Integer.parseInt(args[1]), args[2], Integer.parseInt(args[3]),
                    Long.parseLong(args[4]), Integer.parseInt(args[5]));
            case "model-stub" -> ModelStub.run(Integer.parseInt(args[1]), Double.parseDouble(args[2]),
                    Double.parseDouble(args[3]), args.length > 4 ? Integer.parseInt(args[4]) : 600);
            case "stream" -> StreamClient.run(args[1], Files.readAllLines(Path.of(args[2])), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]), args.length > 5 ? Double.parseDouble(args[5]) : 0,
                    args.length > 6 ? Integer.parseInt(args[6]) : 120);
            case "alloc" -> Allocation.run(Path.of(args[1]), Path.of(args[2]));
            case "mixed" -> MixedLoad.run(args[1], Path.of(args[2]), Integer.parseInt(args[3]), Path.of(args[4]));
            default -> throw new IllegalArgumentException("tokens | load | ramp | idle | proxy | model-stub | stream | alloc | mixed");
        }
    }

    static void tokens(String secretBase64, Path owners, String tier) throws Exception {
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
                    + "\"email_verified\":true,\"tier\":\"" + tier + "\",\"roles\":[\"USER\"]}";
            String body = header + "." + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
            System.out.println(body + "." + url.encodeToString(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII))));
        }
    }

    static void load(String url, List<String> tokens, int connections, int seconds, double rate) throws Exception {
        try (RawHttpLoad engine = new RawHttpLoad(url, tokens)) {
            MachineCpu before = MachineCpu.now();
            Map<String, Object> result = phase(engine, 0, connections, seconds, rate);
            MachineCpu.now().addSince(before, result);
            System.out.println(json(result));
        }
        System.exit(0);
    }

    /**
     * One measured phase: a closed loop (rate 0) or an open model at {@code rate} per second for
     * {@code seconds}, then waits (at most 60 s per request) for what is in flight. Returns the JSON fields.
     */
    static Map<String, Object> phase(RawHttpLoad engine, int firstToken, int connections, double seconds, double rate)
            throws IOException {
        RawHttpLoad.Outcome outcome = rate <= 0 ? engine.closed(connections, firstToken, seconds)
                : engine.open(connections, firstToken, seconds, rate);
        Histogram histogram = outcome.latencyMicros();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("mode", rate <= 0 ? "closed" : "open");
        result.put("connections", connections);
        result.put("targetRate", rate);
        result.put("seconds", outcome.seconds());
        result.put("requests", outcome.requests());
        result.put("errors", outcome.errors());
        result.put("rps", outcome.requests() / outcome.seconds());
        for (double p : new double[] {50, 90, 99, 99.9}) {
            result.put("p" + (p == 99.9 ? "999" : String.valueOf((int) p)), histogram.getValueAtPercentile(p) / 1000.0);
        }
        result.put("max", histogram.getMaxValue() / 1000.0);
        return result;
    }

    /** A ramp's warm-up ends once the server's compilers are quiet (run.sh's JIT_QUIET), or after this long. */
    static final double RAMP_WARMUP_MAX_SECONDS = 30;

    /** The maximum sustainable throughput: open-model steps, see the class comment. */
    static void ramp(String url, List<String> tokens, int connections, double startRate, double factor, int maxSteps,
                     int stepSeconds, int warmupSeconds, double p99LimitMs, long pid, double jitQuiet) throws Exception {
        RawHttpLoad engine = new RawHttpLoad(url, tokens);
        int token = 0;
        double warmed = 0;
        if (warmupSeconds > 0) {
            // Repeated while the server's compilers are busy: a servlet baseline started for this
            // search alone recompiled at half a core through its first steps at 1,000 connections
            // (its warm-up at 64 had ended with them at an eighth of one), which cost it a step
            // (docs/benchmarks.md, "Eighteenth session"). A server already warm gets the one slice.
            do {
                long[] before = procStats(pid);
                phase(engine, token, connections, warmupSeconds, startRate);
                long[] after = procStats(pid);
                token += (int) (startRate * warmupSeconds);
                warmed += warmupSeconds;
                double compilers = (after[3] - before[3]) / 100.0 / warmupSeconds;
                if (pid <= 0 || compilers < jitQuiet) {
                    break;
                }
            } while (warmed < RAMP_WARMUP_MAX_SECONDS);
        }
        long rate = Math.max(1, Math.round(startRate));
        long held = 0;
        long failedAt = 0;
        boolean goingDown = false;
        int steps = 0;
        Map<String, Object> heldStep = null;
        while (steps < maxSteps) {
            steps++;
            long[] before = procStats(pid);
            MachineCpu machineBefore = MachineCpu.now();
            Map<String, Object> step = phase(engine, token, connections, stepSeconds, rate);
            long[] after = procStats(pid);
            MachineCpu.now().addSince(machineBefore, step);
            token += (int) (rate * stepSeconds);
            boolean ok = ((Long) step.get("errors")) == 0 && ((Double) step.get("p99")) <= p99LimitMs;
            step.put("step", steps);
            step.put("rate", rate);
            step.put("held", ok);
            step.put("p99LimitMs", p99LimitMs);
            serverStats(step, before, after, (Double) step.get("seconds"), (Long) step.get("requests"));
            System.out.println(json(step));
            System.out.flush();
            if (ok) {
                held = rate;
                heldStep = step;
                if (goingDown) {
                    break;
                }
                rate = Math.round(rate * factor);
            } else {
                failedAt = failedAt == 0 ? rate : Math.min(failedAt, rate);
                if (held > 0) {
                    break;
                }
                // The first rate already failed: step down until one holds.
                goingDown = true;
                rate = Math.round(rate / factor);
                if (rate < 1) {
                    break;
                }
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("summary", true);
        summary.put("maxRps", held);
        summary.put("failedAtRps", failedAt);
        summary.put("steps", steps);
        summary.put("startRate", startRate);
        summary.put("factor", factor);
        summary.put("stepSeconds", stepSeconds);
        summary.put("warmupSeconds", warmed);
        summary.put("p99LimitMs", p99LimitMs);
        summary.put("connections", connections);
        summary.put("heldP99", heldStep == null ? null : heldStep.get("p99"));
        summary.put("heldCpuUsPerRequest", heldStep == null ? null : heldStep.get("cpuUsPerRequest"));
        System.out.println(json(summary));
        engine.close();
        System.exit(0);
    }

    /**
     * CPU ticks (user + system), RSS in kB, threads, and the CPU ticks of its JIT compiler threads
     * of a process; zeros without a pid.
     */
    static long[] procStats(long pid) {
        if (pid <= 0) {
            return new long[4];
        }
        ProcStat stat = ProcStat.of(pid);
        if (stat == null) {
            return new long[4];
        }
        try {
            long rss = 0;
            long threads = 0;
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", ""));
                } else if (line.startsWith("Threads:")) {
                    threads = Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            return new long[] {stat.ticks(), rss, threads, compilerTicks(pid)};
        } catch (IOException | RuntimeException e) {
            return new long[4];
        }
    }

    /** CPU ticks of the JVM's C1 and C2 compiler threads ("C1 CompilerThre", "C2 CompilerThre"). */
    static long compilerTicks(long pid) throws IOException {
        long sum = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String comm = Files.readString(task.resolve("comm")).trim();
                    ProcStat stat = comm.startsWith("C1 Compi") || comm.startsWith("C2 Compi")
                            ? ProcStat.read(task.resolve("stat")) : null;
                    sum += stat == null ? 0 : stat.ticks();
                } catch (IOException gone) {
                    // the thread ended between listing and reading
                }
            }
        }
        return sum;
    }

    /** Adds the server's CPU (cores, microseconds per request; Linux's 100 ticks a second), RSS and threads. */
    static void serverStats(Map<String, Object> result, long[] before, long[] after, double seconds, long requests) {
        if (after[1] == 0) {
            return;
        }
        double cpuSeconds = (after[0] - before[0]) / 100.0;
        double jitSeconds = (after[3] - before[3]) / 100.0;
        result.put("appCpuCores", cpuSeconds / seconds);
        // Without the JIT compilers' threads, as run.sh reports closed loops (warm-up, not requests).
        result.put("cpuUsPerRequest", requests == 0 ? null : (cpuSeconds - jitSeconds) * 1e6 / requests);
        result.put("cpuUsPerRequestWithJit", requests == 0 ? null : cpuSeconds * 1e6 / requests);
        result.put("jitCores", jitSeconds / seconds);
        result.put("appRssKb", after[1]);
        result.put("appThreads", after[2]);
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

    static String json(Map<String, Object> values) {
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
