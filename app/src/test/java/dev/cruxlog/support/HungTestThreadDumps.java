package dev.cruxlog.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Writes every thread's full stack to {@code target/hung-tests/} when a test method runs longer
 * than 25 s, and what PostgreSQL's connections are doing. A rare request hangs until
 * WebTestClient's 30 s timeout with nothing logged on the server side; the dump taken while it
 * hangs shows where. Registered for every test of this
 * module through junit-platform.properties; it asserts nothing and changes no outcome.
 */
public final class HungTestThreadDumps implements BeforeEachCallback, AfterEachCallback {

    private static final long DUMP_AFTER_SECONDS = 25;
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hung-test-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(HungTestThreadDumps.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        String test = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        // Again every minute: a long test (the browser journey) passes 25 s without hanging.
        ScheduledFuture<?> dump = WATCHDOG.scheduleAtFixedRate(() -> dump(test), DUMP_AFTER_SECONDS, 60, TimeUnit.SECONDS);
        context.getStore(NAMESPACE).put("dump", dump);
        if (org.springframework.core.annotation.AnnotatedElementUtils.hasAnnotation(context.getRequiredTestClass(),
                org.springframework.boot.test.context.SpringBootTest.class)) {
            application = org.springframework.test.context.junit.jupiter.SpringExtension.getApplicationContext(context);
        }
    }

    /** The application of the test running now, for its pool's figures; null outside Spring tests. */
    private static volatile org.springframework.context.ApplicationContext application;

    /** Acquired, idle and pending connections of every pool of the running application. */
    private static String poolFigures() {
        org.springframework.context.ApplicationContext running = application;
        if (running == null) {
            return "No application context\n";
        }
        StringBuilder text = new StringBuilder();
        running.getBeansOfType(io.r2dbc.spi.ConnectionFactory.class).forEach((name, factory) -> {
            Object current = factory;
            for (int depth = 0; depth < 5 && current != null; depth++) {
                if (current instanceof io.r2dbc.pool.ConnectionPool pool) {
                    pool.getMetrics().ifPresent(metrics -> text.append("Pool ").append(name).append(": acquired ")
                            .append(metrics.acquiredSize()).append(", idle ").append(metrics.idleSize()).append(", allocated ")
                            .append(metrics.allocatedSize()).append(", pending ").append(metrics.pendingAcquireSize()).append('\n'));
                    break;
                }
                current = current instanceof io.r2dbc.spi.Wrapped<?> wrapped ? wrapped.unwrap() : null;
            }
        });
        return text.length() == 0 ? "No connection pool found\n" : text.toString();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ScheduledFuture<?> dump = context.getStore(NAMESPACE).remove("dump", ScheduledFuture.class);
        if (dump != null) {
            dump.cancel(false);
        }
    }

    /**
     * What PostgreSQL's connections are doing: a request waiting for a pool connection or for a
     * lock shows no thread at all in the JVM (it is a pending subscription), but its cause shows
     * here (a transaction left open, a lock held, a statement running).
     */
    private static String databaseActivity() {
        try {
            Process psql = new ProcessBuilder("psql", "-h", "localhost", "-U", "postgres", "-d", "postgres", "-A", "-F", " | ", "-c",
                    "SELECT pid, datname, application_name, state, wait_event_type, wait_event, now() - xact_start AS in_transaction, "
                            + "now() - state_change AS in_state, left(regexp_replace(query, '\\s+', ' ', 'g'), 300) AS query "
                            + "FROM pg_stat_activity WHERE datname IS NOT NULL ORDER BY datname, state")
                    .redirectErrorStream(true).start();
            String out = new String(psql.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            psql.waitFor(10, TimeUnit.SECONDS);
            return "PostgreSQL activity:\n" + out + "\n";
        } catch (IOException | InterruptedException e) {
            return "PostgreSQL activity unavailable: " + e + "\n";
        }
    }

    private static void dump(String test) {
        StringBuilder text = new StringBuilder("Threads at ").append(Instant.now()).append(", ").append(test)
                .append(" running for more than ").append(DUMP_AFTER_SECONDS).append(" s\n\n");
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            Thread thread = entry.getKey();
            text.append('"').append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
            for (StackTraceElement frame : entry.getValue()) {
                text.append("    at ").append(frame).append('\n');
            }
            text.append('\n');
        }
        text.append(InFlightRequests.describe()).append('\n');
        text.append(ClientExchanges.describe()).append('\n');
        text.append(ServerConnections.describe()).append('\n');
        text.append(poolFigures()).append('\n');
        text.append(databaseActivity());
        try {
            Path directory = Files.createDirectories(Path.of("target", "hung-tests"));
            Files.writeString(directory.resolve(test + "-" + System.currentTimeMillis() + ".txt"), text);
            System.err.println("Hung test " + test + ":\n" + InFlightRequests.describe() + ClientExchanges.describe()
                    + ServerConnections.describe() + poolFigures());
        } catch (IOException e) {
            System.err.println(text);
        }
    }
}
