package dev.cruxlog.platform.application;

import java.util.List;

import dev.cruxlog.platform.LoadPlatformInfo;
import dev.cruxlog.platform.PlatformInfo;
import dev.cruxlog.platform.database.ModuleSchema;
import dev.cruxlog.platform.database.SchemaMigrations;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

@Service
class PlatformInfoService implements LoadPlatformInfo {

    private final DatabaseStatus database;
    private final List<String> schemas;
    private final String version;

    PlatformInfoService(DatabaseStatus database, SchemaMigrations migrations) {
        this.database = database;
        this.schemas = migrations.schemas().stream().map(ModuleSchema::name).toList();
        String implementationVersion = PlatformInfoService.class.getPackage().getImplementationVersion();
        this.version = implementationVersion == null ? "development" : implementationVersion;
    }

    @Override
    public Mono<PlatformInfo> load() {
        return database.snapshot(schemas).map(snapshot -> new PlatformInfo("cruxlog", version,
                snapshot.serverVersion(), snapshot.now(), snapshot.schemaVersions()));
    }
}
