package dev.cruxlog.platform.database;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Database settings beyond the pool (the pool is Spring Boot's {@code spring.r2dbc.pool.*}).
 * application.yml binds each one to an environment variable; the defaults here are what
 * a newcomer gets.
 *
 * @param url              {@code DATABASE_URL}; empty means "start the embedded PostgreSQL"
 * @param connectTimeout   TCP connect timeout for new connections
 * @param statementTimeout server-side {@code statement_timeout} for every pooled connection
 * @param lockWaitTimeout  server-side {@code lock_timeout}
 * @param tcpKeepAlive     keep idle connections alive through NATs and firewalls
 * @param applicationName  shows in {@code pg_stat_activity}
 * @param validationWindow a pooled connection that passed a remote check (or was opened) this
 *                         recently is checked locally only before it is handed out
 *                         ({@link RecentlyValidatedConnections}, ADR 0011); zero checks remotely
 *                         every time
 * @param healthProbe      how health learns whether PostgreSQL answers ({@link DatabaseHealthProbe})
 * @param embedded         the embedded server used when {@code url} is empty
 */
@ConfigurationProperties("cruxlog.database")
public record DatabaseProperties(
        String url,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("30s") Duration statementTimeout,
        @DefaultValue("10s") Duration lockWaitTimeout,
        @DefaultValue("true") boolean tcpKeepAlive,
        @DefaultValue("cruxlog") String applicationName,
        @DefaultValue("500ms") Duration validationWindow,
        @DefaultValue HealthProbe healthProbe,
        @DefaultValue Embedded embedded) {

    public boolean hasUrl() {
        return url != null && !url.isBlank();
    }

    /**
     * @param interval     how often health's probe asks PostgreSQL ({@code SELECT 1}); health is at most this old
     * @param answerWithin a probe not answered within this is a failure, and health is DOWN once no
     *                     probe has answered for this long
     */
    public record HealthProbe(@DefaultValue("500ms") Duration interval, @DefaultValue("2s") Duration answerWithin) {
    }

    /**
     * @param dataDirectory where the embedded server keeps its data; it survives restarts
     * @param port          0 picks a free port at every start
     */
    public record Embedded(Path dataDirectory, @DefaultValue("0") int port) {

        public Path dataDirectoryOrDefault() {
            // An unset CRUXLOG_DATA_DIR arrives as an empty path, never as "the current directory".
            if (dataDirectory != null && !dataDirectory.toString().isBlank()) {
                return dataDirectory;
            }
            String xdg = System.getenv("XDG_DATA_HOME");
            Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
            return base.resolve("cruxlog").resolve("postgres");
        }
    }
}
