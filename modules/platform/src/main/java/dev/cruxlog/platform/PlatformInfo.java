package dev.cruxlog.platform;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * What an operator wants to know first: which build runs, on which database server,
 * at which schema version per module, and whether the clocks agree.
 *
 * @param application    the application name
 * @param version        the build version (from the jar manifest, "development" otherwise)
 * @param databaseServer the PostgreSQL server version string
 * @param databaseTime   {@code now()} as the database sees it
 * @param schemaVersions the latest applied migration per module schema
 */
public record PlatformInfo(
        String application,
        String version,
        String databaseServer,
        OffsetDateTime databaseTime,
        Map<String, String> schemaVersions) {
}
