package dev.cruxlog.benchmarks.loadgen;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

/**
 * {@code mixed BASE_URL CLIMBERS_FILE SECONDS OUT_DIR}: the reliability harness's traffic
 * (reliability/run.sh), sent through the load balancer as climbers would send it, for SECONDS:
 * <ul>
 *   <li><b>sign-in</b>: every climber signs in with its password at the start and rotates its
 *       refresh token every {@code MIX_REFRESH_SECONDS} (each request lands on whichever instance
 *       the balancer picks, so tokens are proved to work across instances);</li>
 *   <li><b>reads</b>: {@code MIX_READERS} loops over the ticks page;</li>
 *   <li><b>writes</b>: {@code MIX_WRITERS} loops logging ticks with unique route names; every
 *       acknowledged (201) write goes to {@code ledger.txt} (climber, id, when acknowledged), every write sent to
 *       {@code sent.txt} (route and outcome), so the script can prove ledger = table;</li>
 *   <li><b>imports</b>: every {@code MIX_IMPORT_SECONDS}, the next importing climber uploads
 *       {@code MIX_IMPORT_FILE}; its progress stream is followed to {@code done}
 *       ({@code imports.txt}: climber, import id, last status, ticks added);</li>
 *   <li><b>coach</b>: {@code MIX_COACH} loops asking a question and reading the streamed answer to
 *       its {@code done} event;</li>
 *   <li><b>hostile</b>: {@code MIX_HOSTILE} requests spread over the run, from one hostile climber
 *       (bad JSON, wrong types, unknown values, oversized bodies and uploads, malformed and bomb
 *       files, another climber's tick, no or a forged token); each must be refused with a 4xx (an
 *       upload may instead be accepted and then fail as an import with its reason).</li>
 * </ul>
 * Loops run back to back unless {@code MIX_PAUSE_MS} asks for a pause after each step.
 * CLIMBERS_FILE lines: {@code ROLE LOGIN PASSWORD ADDRESS} with ROLE {@code traffic},
 * {@code importer} or {@code hostile}; ADDRESS is sent as X-Forwarded-For (climbers come from
 * different addresses; the balancer appends the real one). Every request outside the 2xx the
 * scenario expects is one line of {@code events.txt}: kind, status, start and end (epoch ms).
 * Prints one JSON line: per kind, answers by status, p50/p99/max latency.
 */
final class MixedLoad {

    private static final Pattern ACCESS = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern REFRESH = Pattern.compile("\"refresh_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([a-z_]+)\"");
    private static final Pattern ADDED = Pattern.compile("\"ticksAdded\"\\s*:\\s*(\\d+)");
    private static final String QUESTION = "{\"content\":\"What should I work on next?\"}";

    /** One signed-in climber; its tokens rotate, so they are read and replaced under its lock. */
    private static final class Climber {
        final String role;
        final String login;
        final String password;
        final String address;
        volatile String access;
        volatile String refresh;

        Climber(String line) {
            String[] f = line.trim().split("\\s+");
            role = f[0];
            login = f[1];
            password = f[2];
            address = f[3];
        }
    }

    /** Answers of one kind of request. */
    private static final class Kind {
        final Histogram latency = new SynchronizedHistogram(TimeUnit.MINUTES.toMicros(5), 3);
        final Map<String, AtomicLong> answers = new ConcurrentHashMap<>();

        void count(String answer, long micros) {
            answers.computeIfAbsent(answer, a -> new AtomicLong()).incrementAndGet();
            latency.recordValue(Math.min(Math.max(1, micros), latency.getHighestTrackableValue()));
        }
    }

    private final String base;
    private final int seconds;
    /** Set once every climber has signed in: the load runs SECONDS from then. */
    private volatile long endNanos;
    private final Path out;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Kind> kinds = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> ledger = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> sent = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> imports = new ConcurrentLinkedQueue<>();
    private final AtomicLong writes = new AtomicLong();
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    private MixedLoad(String base, int seconds, Path out) {
        this.base = base.replaceAll("/+$", "");
        this.seconds = seconds;
        this.out = out;
    }

    static void run(String base, Path climbersFile, int seconds, Path out) throws Exception {
        Files.createDirectories(out);
        new MixedLoad(base, seconds, out).drive(Files.readAllLines(climbersFile).stream()
                .filter(l -> !l.isBlank()).map(Climber::new).toList());
    }

    private void drive(List<Climber> climbers) throws Exception {
        int readers = env("MIX_READERS", 4);
        int writers = env("MIX_WRITERS", 2);
        int coaches = env("MIX_COACH", 1);
        int hostile = env("MIX_HOSTILE", 0);
        int importEvery = env("MIX_IMPORT_SECONDS", 20);
        int refreshEvery = env("MIX_REFRESH_SECONDS", 30);
        String importFile = System.getenv().getOrDefault("MIX_IMPORT_FILE", "");
        List<Climber> traffic = climbers.stream().filter(c -> c.role.equals("traffic")).toList();
        List<Climber> importers = climbers.stream().filter(c -> c.role.equals("importer")).toList();
        Climber enemy = climbers.stream().filter(c -> c.role.equals("hostile")).findFirst().orElse(null);
        for (Climber climber : climbers) {
            signIn(climber);
        }
        endNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long started = System.currentTimeMillis();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < readers; i++) {
            Climber c = traffic.get(i % traffic.size());
            threads.add(loop("read", () -> read(c)));
        }
        for (int i = 0; i < writers; i++) {
            Climber c = traffic.get((readers + i) % traffic.size());
            threads.add(loop("write", () -> write(c)));
        }
        for (int i = 0; i < coaches; i++) {
            Climber c = traffic.get((readers + writers + i) % traffic.size());
            threads.add(loop("coach", () -> ask(c)));
        }
        if (refreshEvery > 0) {
            threads.add(every(refreshEvery, () -> traffic.forEach(this::refresh)));
        }
        List<Thread> watchers = new ArrayList<>();
        if (importEvery > 0 && !importFile.isEmpty() && !importers.isEmpty()) {
            byte[] file = Files.readAllBytes(Path.of(importFile));
            Iterator<Climber> next = importers.iterator();
            threads.add(every(importEvery, () -> {
                if (next.hasNext()) {
                    Climber c = next.next();
                    Thread watcher = started("mixed", () -> importAndFollow(c, file, Path.of(importFile).getFileName().toString()));
                    synchronized (watchers) {
                        watchers.add(watcher);
                    }
                }
            }));
        }
        if (hostile > 0 && enemy != null) {
            Climber victim = traffic.get(0);
            String victimsTick = firstTickOf(victim);
            // Two senders, each every other request on its own schedule: one sender alone fell
            // behind the schedule on the slow ones (30 MB uploads) and ran out of time.
            int senders = 2;
            long start = System.nanoTime();
            long interval = TimeUnit.SECONDS.toNanos(1) * secondsLeft() / hostile;
            for (int s = 0; s < senders; s++) {
                int first = s;
                threads.add(started("hostile", () -> {
                    for (int i = first; i < hostile && System.nanoTime() < endNanos; i += senders) {
                        LockSupport.parkNanos(start + i * interval - System.nanoTime());
                        attack(i, enemy, victimsTick);
                    }
                }));
            }
        }
        for (Thread t : threads) {
            t.join();
        }
        // Imports started near the end are followed to their end (bounded by the stream's timeout).
        List<Thread> pending;
        synchronized (watchers) {
            pending = new ArrayList<>(watchers);
        }
        for (Thread t : pending) {
            t.join(TimeUnit.MINUTES.toMillis(5));
        }
        write("events.txt", events);
        write("ledger.txt", ledger);
        write("sent.txt", sent);
        write("imports.txt", imports);
        StringBuilder json = new StringBuilder("{\"started\":").append(started).append(",\"seconds\":")
                .append((System.currentTimeMillis() - started) / 1000.0).append(",\"kinds\":{");
        String sep = "";
        for (Map.Entry<String, Kind> e : new TreeMap<>(kinds).entrySet()) {
            Histogram h = e.getValue().latency;
            json.append(sep).append('"').append(e.getKey()).append("\":{\"answers\":{");
            String s2 = "";
            for (Map.Entry<String, AtomicLong> a : new TreeMap<>(e.getValue().answers).entrySet()) {
                json.append(s2).append('"').append(a.getKey()).append("\":").append(a.getValue().get());
                s2 = ",";
            }
            json.append("},\"count\":").append(h.getTotalCount())
                    .append(String.format(java.util.Locale.ROOT, ",\"p50\":%.1f,\"p99\":%.1f,\"max\":%.1f}",
                            h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0));
            sep = ",";
        }
        System.out.println(json.append("}}"));
    }

    // ---- the traffic ----

    private void read(Climber c) {
        call("read", c, get("/api/v1/logbook/ticks?size=50", c), 200);
    }

    private void write(Climber c) {
        String route = "Ledger " + run + "-" + writes.incrementAndGet();
        String body = "{\"route\":\"" + route + "\",\"date\":\"2026-11-01\",\"grade\":\"6a\",\"discipline\":\"sport\","
                + "\"style\":\"redpoint\"}";
        Answer a = call("write", c, json("/api/v1/logbook/ticks", c, body), 201);
        sent.add(c.login + " " + route + " " + a.status);
        if (a.status == 201) {
            Matcher id = ID.matcher(a.body);
            if (id.find()) {
                ledger.add(c.login + " " + id.group(1) + " " + System.currentTimeMillis());
            }
        }
    }

    private void ask(Climber c) {
        Answer created = call("coach-conversation", c, json("/api/v1/coach/conversations", c, "{\"title\":\"Reliability\"}"), 201);
        Matcher id = ID.matcher(created.body);
        if (created.status != 201 || !id.find()) {
            return;
        }
        long start = System.nanoTime();
        long startMs = System.currentTimeMillis();
        HttpRequest request = authed("/api/v1/coach/conversations/" + id.group(1) + "/messages", c)
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(90)).POST(HttpRequest.BodyPublishers.ofString(QUESTION)).build();
        String outcome;
        try {
            HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            outcome = response.statusCode() == 200 ? "no done event" : outcomeOf(response);
            SseEvent end = firstOf(response.body(), "done", "error");
            if (end != null && end.name().equals("done")) {
                Matcher status = STATUS.matcher(end.data());
                outcome = status.find() ? status.group(1) : "done without status";
            } else if (end != null) {
                // The coach's own end for an answer it could not give (e.g. the database
                // unavailable): a refusal, like a 503, not a broken stream.
                outcome = "error-event";
            }
        } catch (IOException e) {
            outcome = failure(e);
        } catch (java.io.UncheckedIOException e) {
            // The answer's stream broke after it began (its instance went away).
            outcome = "stream broken";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long micros = (System.nanoTime() - start) / 1000;
        kind("coach-answer").count(outcome, micros);
        if (!outcome.equals("complete")) {
            events.add("coach-answer " + outcome.replace(' ', '_') + " " + startMs + " " + System.currentTimeMillis());
        }
    }

    private void importAndFollow(Climber c, byte[] file, String name) {
        // A climber who comes to import signs in then: access tokens live 15 minutes, and an
        // importer's turn may come later than that in a long run.
        try {
            signIn(c);
        } catch (IllegalStateException refused) {
            long now = System.currentTimeMillis();
            events.add("import sign-in-refused " + now + " " + now);
            imports.add(c.login + " - sign-in-refused 0");
            return;
        }
        Answer accepted = call("import", c, upload(c, name, "text/csv", file), 202);
        Matcher id = ID.matcher(accepted.body);
        if (accepted.status != 202 || !id.find()) {
            imports.add(c.login + " - upload-" + accepted.status + " 0");
            return;
        }
        String importId = id.group(1);
        long start = System.nanoTime();
        long startMs = System.currentTimeMillis();
        String last = "no done event";
        String added = "0";
        // The stream ends at done; a stream cut with its instance is followed again from the balancer.
        for (int attempt = 0; attempt < 20 && last.equals("no done event"); attempt++) {
            HttpRequest follow = authed("/api/v1/logbook/imports/" + importId + "/events", c)
                    .header("Accept", "text/event-stream").timeout(Duration.ofMinutes(5)).GET().build();
            try {
                HttpResponse<Stream<String>> response = http.send(follow, HttpResponse.BodyHandlers.ofLines());
                SseEvent done = firstOf(response.body(), "done");
                if (done != null) {
                    Matcher status = STATUS.matcher(done.data());
                    Matcher count = ADDED.matcher(done.data());
                    last = status.find() ? status.group(1) : "done without status";
                    added = count.find() ? count.group(1) : "?";
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                // Followed again from the balancer: the stream reads the import's row, any instance serves it.
                String kind = e instanceof IOException io ? failure(io) : "stream_broken";
                events.add("import-progress " + kind.replace(' ', '_') + " " + startMs + " " + System.currentTimeMillis());
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        kind("import-progress").count(last, (System.nanoTime() - start) / 1000);
        imports.add(c.login + " " + importId + " " + last + " " + added);
    }

    private void refresh(Climber c) {
        Answer a = call("refresh", null, HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/refresh"))
                .header("X-Forwarded-For", c.address).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"refresh_token\":\"" + c.refresh + "\"}")).build(), 200);
        take(c, a);
    }

    private void signIn(Climber c) {
        Answer a = call("sign-in", null, HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                .header("X-Forwarded-For", c.address).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"" + c.login + "\",\"password\":\"" + c.password + "\"}"))
                .build(), 200);
        if (!take(c, a)) {
            throw new IllegalStateException("sign-in of " + c.login + " answered " + a.status + ": " + a.body);
        }
    }

    private static boolean take(Climber c, Answer a) {
        Matcher access = ACCESS.matcher(a.body);
        Matcher refresh = REFRESH.matcher(a.body);
        if (a.status == 200 && access.find() && refresh.find()) {
            c.access = access.group(1);
            c.refresh = refresh.group(1);
            return true;
        }
        return false;
    }

    private String firstTickOf(Climber victim) {
        Answer a = call("hostile-setup", victim, get("/api/v1/logbook/ticks?size=1", victim), 200);
        Matcher id = ID.matcher(a.body);
        return id.find() ? id.group(1) : UUID.randomUUID().toString();
    }

    /** Hostile request number {@code n}: each kind in turn. Expected: 4xx (an upload: 4xx or 202 and a failed import). */
    private void attack(int n, Climber enemy, String victimsTick) {
        String tick = "/api/v1/logbook/ticks";
        HttpRequest request = switch (n % 12) {
            case 0 -> json(tick, enemy, "{\"route\":\"Broken\",\"date\":");
            case 1 -> json(tick, enemy, "{\"route\":123,\"date\":\"yesterday\",\"grade\":[],\"discipline\":{}}");
            case 2 -> json(tick, enemy, "{\"route\":\"Unknown\",\"date\":\"2026-11-01\",\"discipline\":\"flying\",\"style\":\"redpoint\"}");
            case 3 -> json(tick, enemy, "{\"route\":\"" + "x".repeat(3 << 20) + "\",\"date\":\"2026-11-01\"}");
            case 4 -> authed(tick + "/" + victimsTick, enemy).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30)).method("PATCH", HttpRequest.BodyPublishers.ofString("{\"route\":\"Stolen\"}")).build();
            case 5 -> authed(tick + "/" + victimsTick, enemy).timeout(Duration.ofSeconds(30)).DELETE().build();
            case 6 -> HttpRequest.newBuilder(URI.create(base + tick)).header("X-Forwarded-For", enemy.address)
                    .timeout(Duration.ofSeconds(30)).GET().build();
            case 7 -> HttpRequest.newBuilder(URI.create(base + tick)).header("X-Forwarded-For", enemy.address)
                    .header("Authorization", "Bearer " + forged(enemy.access)).timeout(Duration.ofSeconds(30)).GET().build();
            case 8 -> upload(enemy, "huge.csv", "text/csv", new byte[30 << 20]);
            case 9 -> upload(enemy, "garbage.csv", "text/csv", garbage(n));
            case 10 -> upload(enemy, "bomb.xlsx", "application/octet-stream", Bomb.BYTES);
            default -> get(tick + "?size=abc&sort=sideways", enemy);
        };
        boolean upload = n % 12 >= 8 && n % 12 <= 10;
        Answer a = call("hostile", enemy, request, upload ? -2 : -1);
        if (a.status == 202) {
            Matcher id = ID.matcher(a.body);
            imports.add(enemy.login + " " + (id.find() ? id.group(1) : "-") + " hostile-accepted 0");
        }
    }

    /** {@code POST /api/v1/logbook/imports} with the file as its one multipart part. */
    private HttpRequest upload(Climber c, String name, String type, byte[] file) {
        String boundary = "----cruxlog" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return authed("/api/v1/logbook/imports", c).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, file, tail))).build();
    }

    private static byte[] garbage(int seed) {
        byte[] bytes = new byte[64 * 1024];
        new java.util.Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** The climber's own token with its signature's last characters changed. */
    private static String forged(String token) {
        return token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    }

    /** An .xlsx whose one sheet unpacks to 100 MB of empty rows, built once. */
    private static final class Bomb {
        static final byte[] BYTES = build();

        private static byte[] build() {
            try {
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
                    zip.setLevel(9);
                    zip.putNextEntry(new java.util.zip.ZipEntry("xl/workbook.xml"));
                    zip.write("<workbook><sheets><sheet name=\"Ticks\" sheetId=\"1\"/></sheets></workbook>".getBytes(StandardCharsets.UTF_8));
                    zip.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
                    zip.write("<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>Date</t></is></c></row>"
                            .getBytes(StandardCharsets.UTF_8));
                    byte[] rows = "<row/>".repeat(100_000).getBytes(StandardCharsets.UTF_8);
                    for (int i = 0; i < 100 * 1024 * 1024 / rows.length; i++) {
                        zip.write(rows);
                    }
                    zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                }
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    // ---- plumbing ----

    /** A server-sent event's name and its data line. */
    private record SseEvent(String name, String data) {
    }

    /**
     * Reads a stream of server-sent events (closing it) up to the first event named one of
     * {@code names}; null when the stream ends without one. A stream broken mid-way throws
     * {@link java.io.UncheckedIOException}, as {@code BodyHandlers.ofLines()} reports it.
     */
    private static SseEvent firstOf(Stream<String> lines, String... names) {
        List<String> wanted = List.of(names);
        try (lines) {
            String event = null;
            for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
                String line = it.next();
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:") && event != null && wanted.contains(event)) {
                    return new SseEvent(event, line);
                }
            }
            return null;
        }
    }

    private record Answer(int status, String body) {
    }

    /**
     * Sends and counts one request under {@code kind}; an answer other than {@code expected}
     * (-1: any 4xx; -2: a 4xx or 202) is also an event.
     */
    private Answer call(String kind, Climber c, HttpRequest request, int expected) {
        long start = System.nanoTime();
        long startMs = System.currentTimeMillis();
        String outcome;
        Answer answer;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            answer = new Answer(response.statusCode(), response.body());
            outcome = outcomeOf(response);
        } catch (IOException e) {
            outcome = failure(e);
            answer = new Answer(0, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "");
        }
        long end = System.currentTimeMillis();
        kind(kind).count(outcome, (System.nanoTime() - start) / 1000);
        boolean refused = answer.status >= 400 && answer.status < 500;
        boolean fine = switch (expected) {
            case -1 -> refused;                            // hostile: refused
            case -2 -> refused || answer.status == 202;    // a hostile upload: refused, or accepted to fail as an import
            default -> answer.status == expected;
        };
        if (!fine) {
            events.add(kind + " " + outcome.replace(' ', '_') + " " + startMs + " " + end);
        }
        return answer;
    }

    /** The status, or {@code 503-problem} for the refusal the platform and the balancer answer alike. */
    private static String outcomeOf(HttpResponse<?> response) {
        boolean problem = response.headers().firstValue("Content-Type").orElse("").contains("problem+json");
        return response.statusCode() == 503 && problem ? "503-problem" : Integer.toString(response.statusCode());
    }

    private static String failure(IOException e) {
        return e instanceof HttpTimeoutException ? "timeout" : "io";
    }

    private HttpRequest.Builder authed(String path, Climber c) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + c.access)
                .header("X-Forwarded-For", c.address);
    }

    private HttpRequest get(String path, Climber c) {
        return authed(path, c).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private HttpRequest json(String path, Climber c, String body) {
        return authed(path, c).header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private Kind kind(String name) {
        return kinds.computeIfAbsent(name, n -> new Kind());
    }

    private long secondsLeft() {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(endNanos - System.nanoTime()));
    }

    /**
     * A thread repeating {@code step} until the end (each step is one request: a closed loop),
     * pausing {@code MIX_PAUSE_MS} between steps as a climber reading the page would.
     */
    private Thread loop(String name, Runnable step) {
        long pause = TimeUnit.MILLISECONDS.toNanos(env("MIX_PAUSE_MS", 0));
        return started(name, () -> {
            while (System.nanoTime() < endNanos && !Thread.currentThread().isInterrupted()) {
                try {
                    step.run();
                } catch (RuntimeException e) {
                    // Recorded, not fatal: a dead thread would silently stop its share of the load.
                    kind(name).count("crash", 1);
                    events.add(name + " crash:" + e.getClass().getSimpleName() + " " + System.currentTimeMillis() + " "
                            + System.currentTimeMillis());
                }
                if (pause > 0) {
                    LockSupport.parkNanos(pause);
                }
            }
        });
    }

    /** A thread running {@code step} every {@code seconds} until the end. */
    private Thread every(int seconds, Runnable step) {
        return started("mixed", () -> {
            long next = System.nanoTime();
            while (next < endNanos) {
                LockSupport.parkNanos(next - System.nanoTime());
                if (System.nanoTime() >= endNanos) {
                    break;
                }
                step.run();
                next += TimeUnit.SECONDS.toNanos(seconds);
            }
        });
    }

    private void write(String name, ConcurrentLinkedQueue<String> lines) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve(name)))) {
            lines.forEach(w::println);
        }
    }

    private static Thread started(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.start();
        return thread;
    }

    private static int env(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    }

}
