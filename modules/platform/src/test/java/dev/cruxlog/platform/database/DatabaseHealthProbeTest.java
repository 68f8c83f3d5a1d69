package dev.cruxlog.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import dev.cruxlog.platform.testing.TcpProxy;
import dev.cruxlog.platform.testing.TestDatabase;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Health answers from the last probe of a real PostgreSQL (through a proxy the test can cut),
 * never waiting for the database; a database that stops answering is DOWN once the allowed time
 * has passed, and UP again at the first probe it answers.
 */
class DatabaseHealthProbeTest {

    private static final Duration ANSWER_WITHIN = Duration.ofMillis(800);

    private final AtomicLong now = new AtomicLong(System.nanoTime());

    @Test
    void healthAnswersFromTheLastProbeAndFollowsTheDatabaseDownAndBackUp() {
        DatabaseUrl url = TestDatabase.shared().url();
        try (TcpProxy proxy = new TcpProxy(url.host(), url.port())) {
            DatabaseHealthProbe probe = new DatabaseHealthProbe(connections(url, proxy.port()), Duration.ofMillis(200),
                    ANSWER_WITHIN, System::nanoTime);

            Health first = probe.health().block(Duration.ofSeconds(10));
            assertThat(first.getStatus()).isEqualTo(Status.UP);
            assertThat(first.getDetails()).containsKeys("latencyMs", "checkedAt");

            proxy.cut();
            // Until the next probe, health tells what the last one found, without a round trip.
            assertThat(probe.health().block(Duration.ofMillis(100)).getStatus()).isEqualTo(Status.UP);
            assertThat(probe.probe().block(Duration.ofSeconds(10)).error()).isNotNull();
            assertThat(probe.health().block(Duration.ofMillis(100)).getStatus()).isEqualTo(Status.DOWN);

            proxy.restore();
            assertThat(probe.probe().block(Duration.ofSeconds(10)).error()).isNull();
            assertThat(probe.health().block(Duration.ofMillis(100)).getStatus()).isEqualTo(Status.UP);
        }
    }

    @Test
    void aDatabaseThatAcceptsButNeverAnswersIsDownAfterTheAllowedTime() throws IOException {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (!silent.isClosed()) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            DatabaseHealthProbe probe = new DatabaseHealthProbe(connections(TestDatabase.shared().url(), silent.getLocalPort()),
                    Duration.ofMillis(200), ANSWER_WITHIN, System::nanoTime);

            // The connection is accepted and the start-up message never answered: the probe gives up.
            Health health = probe.health().block(Duration.ofSeconds(10));
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("error").toString()).contains("TimeoutException");
        } finally {
            held.forEach(socket -> {
                try {
                    socket.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Test
    void anAnswerOlderThanTheAllowedTimeNoLongerCountsAsUp() {
        DatabaseUrl url = TestDatabase.shared().url();
        DatabaseHealthProbe probe = new DatabaseHealthProbe(connections(url, url.port()), Duration.ofMillis(200), ANSWER_WITHIN,
                now::get);
        assertThat(probe.health().block(Duration.ofSeconds(10)).getStatus()).isEqualTo(Status.UP);

        now.addAndGet(ANSWER_WITHIN.toNanos() / 2);
        assertThat(probe.health().block(Duration.ofMillis(100)).getStatus()).isEqualTo(Status.UP);

        // No probe has answered since: a probe stuck on a database that stopped answering.
        now.addAndGet(ANSWER_WITHIN.toNanos());
        Health stale = probe.health().block(Duration.ofMillis(100));
        assertThat(stale.getStatus()).isEqualTo(Status.DOWN);
        assertThat(stale.getDetails().get("error").toString()).contains("has not answered");
    }

    @Test
    void startedProbesRunOnTheirOwnUntilStopped() {
        DatabaseUrl url = TestDatabase.shared().url();
        DatabaseHealthProbe probe = new DatabaseHealthProbe(connections(url, url.port()), Duration.ofMillis(50), ANSWER_WITHIN,
                System::nanoTime);
        probe.start();
        try {
            String firstCheck = probe.health().block(Duration.ofSeconds(10)).getDetails().get("checkedAt").toString();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            String later = firstCheck;
            while (later.equals(firstCheck) && System.nanoTime() < deadline) {
                later = probe.health().delayElement(Duration.ofMillis(20)).block(Duration.ofSeconds(1))
                        .getDetails().get("checkedAt").toString();
            }
            assertThat(later).as("a later probe's time").isNotEqualTo(firstCheck);
        } finally {
            probe.stop();
        }
        // Stopped: health keeps the last outcome; no probe runs to replace it.
        String atStop = probe.health().block(Duration.ofSeconds(1)).getDetails().get("checkedAt").toString();
        String afterStop = probe.health().delayElement(Duration.ofMillis(300)).block(Duration.ofSeconds(1))
                .getDetails().get("checkedAt").toString();
        assertThat(afterStop).as("no probe after stop").isEqualTo(atStop);
    }

    private static ConnectionFactory connections(DatabaseUrl url, int port) {
        ConnectionFactoryOptions.Builder options = ConnectionFactoryOptions.builder()
                .option(ConnectionFactoryOptions.DRIVER, "postgresql")
                .option(ConnectionFactoryOptions.HOST, "127.0.0.1")
                .option(ConnectionFactoryOptions.PORT, port)
                .option(ConnectionFactoryOptions.DATABASE, url.database())
                .option(ConnectionFactoryOptions.CONNECT_TIMEOUT, Duration.ofSeconds(2));
        if (!url.username().isEmpty()) {
            options.option(ConnectionFactoryOptions.USER, url.username());
        }
        if (!url.password().isEmpty()) {
            options.option(ConnectionFactoryOptions.PASSWORD, url.password());
        }
        return ConnectionFactories.get(options.build());
    }
}
