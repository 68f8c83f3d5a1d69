package dev.cruxlog.platform.database;

import java.util.regex.Pattern;

/**
 * A module's claim on its own PostgreSQL schema. Each module declares one as a bean;
 * its migrations live in {@code src/main/resources/db/migration/<name>/} and its
 * migration history in {@code <name>.flyway_schema_history}, so modules evolve their
 * tables independently and never share a version sequence.
 *
 * @param name  the schema name, also the module name
 * @param order migrations of lower order run first (platform is 0)
 */
public record ModuleSchema(String name, int order) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public ModuleSchema {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Schema names are lower-case identifiers: " + name);
        }
    }

    public ModuleSchema(String name) {
        this(name, 100);
    }

    public String migrationLocation() {
        return "classpath:db/migration/" + name;
    }
}
