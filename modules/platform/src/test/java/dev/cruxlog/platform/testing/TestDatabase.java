package dev.cruxlog.platform.testing;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import dev.cruxlog.platform.database.DatabaseUrl;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one place tests get a PostgreSQL database from. It picks the first server that
 * answers, in this order:
 * <ol>
 *   <li>{@code TEST_DATABASE_URL}, when set;</li>
 *   <li>a server on localhost:5432 (our machines and CI: trust auth);</li>
 *   <li>Testcontainers, when a Docker engine answers;</li>
 *   <li>an embedded PostgreSQL, when not running as root (initdb refuses root).</li>
 * </ol>
 * On that server it creates a fresh database for this test JVM and drops it when the
 * JVM exits, so runs never see each other's data.
 *
 * <p>Test code only: it blocks on purpose, on the test's own thread, to set things up.
 */
public final class TestDatabase {

    private static TestDatabase shared;

    private final String source;
    private final DatabaseUrl server;
    private final DatabaseUrl url;

    private TestDatabase(String source, DatabaseUrl server, DatabaseUrl url) {
        this.source = source;
        this.server = server;
        this.url = url;
    }

    /** The database for this JVM, created on first use. */
    public static synchronized TestDatabase shared() {
        if (shared == null) {
            shared = create(defaultServers());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::drop, "drop-test-database"));
        }
        return shared;
    }

    /** The servers in the order above; tests that need a database of their own pass these to {@link #create}. */
    public static List<TestDatabaseServer> defaultServers() {
        return List.of(TestDatabaseServer.fromEnvironment(), TestDatabaseServer.localhost(),
                TestDatabaseServer.testcontainers(), TestDatabaseServer.embedded());
    }

    /** Creates a fresh database on the first server of {@code servers} that is available. */
    public static TestDatabase create(List<TestDatabaseServer> servers) {
        StringBuilder tried = new StringBuilder();
        for (TestDatabaseServer candidate : servers) {
            Optional<DatabaseUrl> found = candidate.find();
            if (found.isPresent()) {
                DatabaseUrl server = found.get();
                String name = "cruxlog_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"))
                        + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL);
                execute(server, "CREATE DATABASE " + name);
                return new TestDatabase(candidate.name(), server, server.withDatabase(name));
            }
            tried.append("\n - ").append(candidate.name()).append(": ").append(candidate.whyUnavailable());
        }
        throw new IllegalStateException("No PostgreSQL for tests. Tried:" + tried
                + "\nSet TEST_DATABASE_URL=postgresql://user:password@host:5432/postgres to point at a server.");
    }

    /**
     * A database of its own on the shared one's server, named after it, empty: for a test that
     * builds a schema from nothing (migrations, a restore). Drop it when done.
     */
    public static TestDatabase scratch(String suffix) {
        TestDatabase beside = shared();
        TestDatabase scratch = new TestDatabase(beside.source, beside.server,
                beside.url.withDatabase(beside.url.database() + "_" + suffix));
        scratch.drop();
        execute(beside.server, "CREATE DATABASE " + scratch.url.database());
        return scratch;
    }

    public DatabaseUrl url() {
        return url;
    }

    /** Where the server came from: "TEST_DATABASE_URL", "localhost:5432", "testcontainers" or "embedded". */
    public String source() {
        return source;
    }

    public void drop() {
        execute(server, "DROP DATABASE IF EXISTS " + url.database() + " WITH (FORCE)");
    }

    /** Runs SQL outside any transaction (CREATE/DROP DATABASE require that). */
    public static void execute(DatabaseUrl on, String sql) {
        Mono.usingWhen(ConnectionFactories.get(options(on)).create(),
                        connection -> Flux.from(connection.createStatement(sql).execute())
                                .flatMap(result -> result.getRowsUpdated()).then(),
                        Connection::close)
                .block(Duration.ofSeconds(60));
    }

    /** The first column of every row a query gives, as text, on a connection of its own. */
    public static List<String> strings(DatabaseUrl on, String sql) {
        return Mono.usingWhen(ConnectionFactories.get(options(on)).create(),
                        connection -> Flux.from(connection.createStatement(sql).execute())
                                .flatMap(result -> result.map(row -> row.get(0, String.class)))
                                .collectList(),
                        Connection::close)
                .block(Duration.ofSeconds(30));
    }

    public static ConnectionFactoryOptions options(DatabaseUrl url) {
        ConnectionFactoryOptions.Builder builder = ConnectionFactoryOptions.builder()
                .option(ConnectionFactoryOptions.DRIVER, "postgresql")
                .option(ConnectionFactoryOptions.HOST, url.host())
                .option(ConnectionFactoryOptions.PORT, url.port())
                .option(ConnectionFactoryOptions.DATABASE, url.database())
                .option(ConnectionFactoryOptions.CONNECT_TIMEOUT, Duration.ofSeconds(5));
        if (!url.username().isEmpty()) {
            builder.option(ConnectionFactoryOptions.USER, url.username());
        }
        if (!url.password().isEmpty()) {
            builder.option(ConnectionFactoryOptions.PASSWORD, url.password());
        }
        return builder.build();
    }
}
