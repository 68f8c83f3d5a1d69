package dev.cruxlog.platform.database;

import java.util.Comparator;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every module's Flyway migrations, once, while the application context starts:
 * before the web server binds its port and before any job worker polls. This is the
 * only JDBC in Cruxlog; Flyway opens its own short-lived connection and closes it.
 */
public class SchemaMigrations {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

    private final DatabaseUrl url;
    private final List<ModuleSchema> schemas;

    public SchemaMigrations(DatabaseUrl url, List<ModuleSchema> schemas) {
        this.url = url;
        this.schemas = schemas.stream().sorted(Comparator.comparingInt(ModuleSchema::order)
                .thenComparing(ModuleSchema::name)).toList();
    }

    public void migrate() {
        for (ModuleSchema schema : schemas) {
            MigrateResult result = flyway(schema).migrate();
            log.info("Schema {}: {} migration(s) applied, now at version {}", schema.name(),
                    result.migrationsExecuted, result.targetSchemaVersion == null ? "(unchanged)" : result.targetSchemaVersion);
        }
    }

    public List<ModuleSchema> schemas() {
        return schemas;
    }

    private Flyway flyway(ModuleSchema schema) {
        return Flyway.configure()
                .dataSource(url.jdbcUrl(), url.username(), url.password())
                .schemas(schema.name())
                .createSchemas(true)
                .locations(schema.migrationLocation())
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .load();
    }
}
