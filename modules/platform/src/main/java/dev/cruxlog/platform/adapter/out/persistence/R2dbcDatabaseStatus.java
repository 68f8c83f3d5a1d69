package dev.cruxlog.platform.adapter.out.persistence;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.cruxlog.platform.application.DatabaseStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
class R2dbcDatabaseStatus implements DatabaseStatus {

    private final DatabaseClient db;

    R2dbcDatabaseStatus(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Snapshot> snapshot(Collection<String> schemas) {
        Mono<Map<String, String>> versions = schemas.isEmpty() ? Mono.just(Map.of()) : db.sql(schemaVersionQuery(schemas))
                .map(row -> Map.entry(row.get("schema", String.class), row.get("version", String.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, TreeMap::new);
        Mono<Snapshot> server = db.sql("SELECT version() AS version, now() AS now")
                .map(row -> new Snapshot(row.get("version", String.class), row.get("now", OffsetDateTime.class), Map.of()))
                .one();
        return Mono.zip(server, versions, (s, v) -> new Snapshot(s.serverVersion(), s.now(), v));
    }

    /** Schema names come from {@code ModuleSchema}, which admits only plain identifiers. */
    private static String schemaVersionQuery(Collection<String> schemas) {
        return schemas.stream()
                .map(schema -> "(SELECT '" + schema + "' AS schema, version FROM " + schema
                        + ".flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1)")
                .collect(Collectors.joining(" UNION ALL "));
    }
}
