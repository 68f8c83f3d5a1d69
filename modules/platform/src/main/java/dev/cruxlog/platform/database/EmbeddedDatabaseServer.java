package dev.cruxlog.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server started by this process (zonky's embedded binaries), so that a
 * newcomer runs Cruxlog with nothing but a JDK. Its data directory survives restarts.
 *
 * <p>Starting it happens once, on the main thread, before the web server exists: the
 * process spawn and the wait for the server are the only blocking work here, and they
 * never touch an event loop.
 */
public final class EmbeddedDatabaseServer implements DatabaseServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseServer.class);

    private final EmbeddedPostgres postgres;
    private final DatabaseUrl url;

    private EmbeddedDatabaseServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.url = new DatabaseUrl("localhost", postgres.getPort(), "postgres", "postgres", "", Map.of());
    }

    public static EmbeddedDatabaseServer start(DatabaseProperties.Embedded settings) {
        if (RunningUser.isRoot()) {
            throw new EmbeddedDatabaseUnavailableException(
                    "The embedded PostgreSQL cannot run as root: PostgreSQL's initdb refuses to.");
        }
        Path dataDirectory = settings.dataDirectoryOrDefault();
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // zonky's own JVM hook would stop the server while Spring's hook is still draining
                    // requests and jobs; the context closes it last instead (the bean's destroy method).
                    .setRegisterShutdownHook(false);
            if (settings.port() > 0) {
                builder.setPort(settings.port());
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Started embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dataDirectory);
            return new EmbeddedDatabaseServer(postgres);
        } catch (IOException e) {
            throw new EmbeddedDatabaseUnavailableException(
                    "The embedded PostgreSQL did not start (data directory " + dataDirectory + "): " + e.getMessage(), e);
        }
    }

    @Override
    public DatabaseUrl url() {
        return url;
    }

    @Override
    public String kind() {
        return "embedded";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
