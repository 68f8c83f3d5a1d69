package dev.cruxlog.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** Helpers for tests that start the packaged jar as a process of its own. */
public final class RunningJar {

    private RunningJar() {
    }

    /**
     * JVM options for a jar that lives for a test's minute: C1 only and the serial collector, as
     * for the test JVMs (the root pom's {@code test.jvm.args}). C2 compiling a start-up's code
     * and G1's concurrent threads cost more CPU than such a run ever wins back, on cores the test
     * and PostgreSQL share with it; what the jar does is the same either way.
     */
    public static final List<String> SHORT_RUN_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** The packaged jar the build made (failsafe runs in {@code app/}). */
    public static Path jar() {
        return Path.of(System.getProperty("cruxlog.jar", "target/cruxlog-exec.jar"));
    }

    /**
     * Starts the jar as the README does (with {@link #SHORT_RUN_JVM_OPTIONS}), on that database and port, hermetic (fast password
     * hashing, no lookup of breached passwords on the internet), with {@code environment} added;
     * its output goes to {@code log}.
     */
    public static Process start(String databaseUrl, int port, Path log, Map<String, String> environment,
                                String... jvmOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(SHORT_RUN_JVM_OPTIONS);
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", jar().toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("DATABASE_URL", databaseUrl);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("BCRYPT_STRENGTH", "4");
        builder.environment().put("BREACHED_PASSWORDS_URL", "");
        builder.environment().putAll(environment);
        return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** SIGTERM, then SIGKILL if it has not exited within 30 s. */
    public static void stop(Process app) throws InterruptedException {
        app.destroy();
        if (!app.waitFor(30, TimeUnit.SECONDS)) {
            app.destroyForcibly();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Polls {@code /actuator/health} until it answers UP; returns that body, or null when
     * the process died or the time ran out (the caller's assertion names its log).
     */
    public static String awaitHealthy(WebTestClient http, Process app, Duration within) {
        return Flux.interval(Duration.ZERO, Duration.ofMillis(500))
                .publishOn(Schedulers.boundedElastic())
                .takeWhile(tick -> app.isAlive())
                .map(tick -> {
                    try {
                        return http.get().uri("/actuator/health").exchange().returnResult(String.class)
                                .getResponseBody().blockFirst(Duration.ofSeconds(5));
                    } catch (RuntimeException notYet) {
                        return "";
                    }
                })
                .filter(body -> body != null && body.contains("\"status\":\"UP\""))
                .blockFirst(within);
    }
}
