/**
 * Platform: the infrastructure every Cruxlog module may use.
 *
 * <p>It owns the reactive database engine (one R2DBC connection pool built from
 * {@code DATABASE_URL}), per-module schema migrations, the PostgreSQL job queue
 * ({@link dev.cruxlog.platform.jobs}), problem+json errors and request ids
 * ({@link dev.cruxlog.platform.web}). Its top-level API answers "what is this
 * instance running on" through {@link dev.cruxlog.platform.LoadPlatformInfo}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform",
        // The intended map (docs/architecture.md, "Modules"): verify() fails on any other dependency.
        allowedDependencies = {})
package dev.cruxlog.platform;
