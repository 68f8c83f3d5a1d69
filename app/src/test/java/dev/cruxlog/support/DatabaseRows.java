package dev.cruxlog.support;

import java.time.Duration;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Counting rows straight in the test database, for what the API does not show (an outbox,
 * a table a deletion must have emptied). Values are bound, never pasted into the SQL.
 */
public final class DatabaseRows {

    private final DatabaseClient db;

    public DatabaseRows(DatabaseClient db) {
        this.db = db;
    }

    /** The first column of the single row {@code sql} returns, with {@code :name} parameters bound. */
    public long count(String sql, Map<String, Object> values) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
        for (Map.Entry<String, Object> value : values.entrySet()) {
            spec = spec.bind(value.getKey(), value.getValue());
        }
        return spec.map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(10));
    }

    public long count(String sql) {
        return count(sql, Map.of());
    }
}
