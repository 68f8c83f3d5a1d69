package dev.cruxlog.platform.database;

/**
 * The PostgreSQL server this instance uses: either the one named by {@code DATABASE_URL}
 * or an embedded one this process started (and stops on shutdown).
 */
public interface DatabaseServer extends AutoCloseable {

    DatabaseUrl url();

    /** "external" or "embedded", for logs and the info endpoint. */
    String kind();

    @Override
    default void close() {
    }

    static DatabaseServer external(DatabaseUrl url) {
        return new DatabaseServer() {
            @Override
            public DatabaseUrl url() {
                return url;
            }

            @Override
            public String kind() {
                return "external";
            }
        };
    }
}
