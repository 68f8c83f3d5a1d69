/**
 * The database engine: {@code DATABASE_URL} parsing, the connection details behind Spring
 * Boot's R2DBC pool, the embedded server, and per-module schema migrations. Modules use
 * {@link dev.cruxlog.platform.database.ModuleSchema} to claim their schema.
 */
@org.springframework.modulith.NamedInterface("database")
package dev.cruxlog.platform.database;
