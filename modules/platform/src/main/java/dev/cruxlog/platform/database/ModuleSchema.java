package dev.cruxlog.platform.database;

import java.util.List;
import java.util.regex.Pattern;

import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A module's claim on its own PostgreSQL schema. Each module declares one as a bean;
 * its migrations live in {@code src/main/resources/db/migration/<name>/} and its
 * migration history in {@code <name>.flyway_schema_history}, so modules evolve their
 * tables independently and never share a version sequence.
 *
 * @param name           the schema name, also the module name
 * @param order          migrations of lower order run first (platform is 0)
 * @param javaMigrations migrations that need the module's own Java rules (say, filling a new
 *                       column with what the application computes), versioned in the same
 *                       sequence as the SQL ones; handed to Flyway as instances, so they work
 *                       from the packaged jar without class-path scanning
 */
public record ModuleSchema(String name, int order, List<JavaMigration> javaMigrations) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public ModuleSchema {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Schema names are lower-case identifiers: " + name);
        }
        javaMigrations = List.copyOf(javaMigrations);
    }

    public ModuleSchema(String name, int order) {
        this(name, order, List.of());
    }

    public ModuleSchema(String name) {
        this(name, 100);
    }

    public ModuleSchema withJavaMigrations(JavaMigration... migrations) {
        return new ModuleSchema(name, order, List.of(migrations));
    }

    public String migrationLocation() {
        return "classpath:db/migration/" + name;
    }
}
