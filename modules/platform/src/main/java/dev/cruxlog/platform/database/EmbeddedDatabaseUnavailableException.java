package dev.cruxlog.platform.database;

/** The embedded PostgreSQL could not start; {@link EmbeddedDatabaseFailureAnalyzer} says what to do. */
public class EmbeddedDatabaseUnavailableException extends RuntimeException {

    public EmbeddedDatabaseUnavailableException(String message) {
        super(message);
    }

    public EmbeddedDatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
