package dev.cruxlog.platform.application;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;

import reactor.core.publisher.Mono;

/** Out-port: what the database says about itself. */
public interface DatabaseStatus {

    Mono<Snapshot> snapshot(Collection<String> schemas);

    /**
     * @param serverVersion  {@code version()}
     * @param now            {@code now()}
     * @param schemaVersions latest successful migration per schema
     */
    record Snapshot(String serverVersion, OffsetDateTime now, Map<String, String> schemaVersions) {
    }
}
