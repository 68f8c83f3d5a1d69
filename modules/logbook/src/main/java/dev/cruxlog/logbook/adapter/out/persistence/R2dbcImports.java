package dev.cruxlog.logbook.adapter.out.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import dev.cruxlog.logbook.ImportStatus;
import dev.cruxlog.logbook.ImportView;
import dev.cruxlog.logbook.application.Imports;
import dev.cruxlog.logbook.domain.ImportWarning;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class R2dbcImports implements Imports {

    /** A few hundred warnings say everything; the count stays exact in ticks_skipped. */
    private static final int MAX_WARNINGS = 500;

    private static final String COLUMNS = """
            id, source, status, rows_read, ticks_added, ticks_updated, ticks_unchanged, ticks_skipped, ticks_kept_deleted,
            warnings::text AS warnings, error, file_name, created_at, finished_at""";

    private final DatabaseClient db;
    private final JsonMapper json;

    R2dbcImports(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public Mono<UUID> create(UUID owner, String source, String fileName, String profileUrl) {
        return db.sql("INSERT INTO logbook.import (owner_id, source, file_name, profile_url) "
                        + "VALUES (:owner, :source, :fileName, :profileUrl) RETURNING id")
                .bind("owner", owner).bind("source", source)
                .bind("fileName", Parameter.fromOrEmpty(fileName, String.class))
                .bind("profileUrl", Parameter.fromOrEmpty(profileUrl, String.class))
                .map(row -> row.get("id", UUID.class)).one();
    }

    @Override
    public Mono<Void> saveFile(UUID importId, byte[] content) {
        return db.sql("INSERT INTO logbook.import_file (import_id, content) VALUES (:id, :content)")
                .bind("id", importId).bind("content", content).then();
    }

    @Override
    public Mono<byte[]> file(UUID importId) {
        return db.sql("SELECT content FROM logbook.import_file WHERE import_id = :id").bind("id", importId)
                .map(row -> row.get("content", byte[].class)).one();
    }

    @Override
    public Mono<ImportView> find(UUID owner, UUID importId) {
        return db.sql("SELECT " + COLUMNS + " FROM logbook.import WHERE owner_id = :owner AND id = :id")
                .bind("owner", owner).bind("id", importId).map(this::toView).one();
    }

    @Override
    public Mono<Job> forJob(UUID importId) {
        return db.sql("SELECT id, owner_id, source, status, profile_url FROM logbook.import WHERE id = :id")
                .bind("id", importId)
                .map(row -> new Job(row.get("id", UUID.class), row.get("owner_id", UUID.class), row.get("source", String.class),
                        ImportStatus.fromId(row.get("status", String.class)), row.get("profile_url", String.class)))
                .one();
    }

    @Override
    public Flux<ImportView> list(UUID owner, int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM logbook.import WHERE owner_id = :owner ORDER BY created_at DESC LIMIT :limit")
                .bind("owner", owner).bind("limit", limit).map(this::toView).all();
    }

    @Override
    public Mono<Void> markRunning(UUID importId, int rowsRead) {
        return db.sql("UPDATE logbook.import SET status = :running, rows_read = :rows, "
                        + "started_at = coalesce(started_at, now()) WHERE id = :id")
                .bind("id", importId).bind("rows", rowsRead).bind("running", ImportStatus.RUNNING.id()).then();
    }

    @Override
    public Mono<Void> succeed(UUID importId, int rowsRead, long added, long updated, long unchanged, int skipped,
                              long keptDeleted, List<ImportWarning> warnings) {
        // clock_timestamp(), not now(): this runs last in the transaction that wrote the import's
        // ticks, and now() is that transaction's start, before the COPY (S5 read the import as
        // seconds shorter than it was).
        return db.sql("""
                        UPDATE logbook.import SET status = :succeeded, rows_read = :rows, ticks_added = :added,
                               ticks_updated = :updated, ticks_unchanged = :unchanged, ticks_skipped = :skipped,
                               ticks_kept_deleted = :keptDeleted,
                               warnings = CAST(:warnings AS jsonb), error = NULL, finished_at = clock_timestamp()
                         WHERE id = :id""")
                .bind("id", importId).bind("succeeded", ImportStatus.SUCCEEDED.id()).bind("rows", rowsRead).bind("added", (int) added).bind("updated", (int) updated)
                .bind("unchanged", (int) unchanged).bind("skipped", skipped).bind("keptDeleted", (int) keptDeleted)
                .bind("warnings", warningsJson(warnings))
                .then()
                .then(db.sql("DELETE FROM logbook.import_file WHERE import_id = :id").bind("id", importId).then());
    }

    @Override
    public Mono<Void> fail(UUID importId, String error, List<ImportWarning> warnings) {
        return db.sql("UPDATE logbook.import SET status = :failed, error = :error, warnings = CAST(:warnings AS jsonb), "
                        + "finished_at = clock_timestamp() WHERE id = :id")
                .bind("id", importId).bind("failed", ImportStatus.FAILED.id()).bind("error", error).bind("warnings", warningsJson(warnings))
                .then()
                .then(db.sql("DELETE FROM logbook.import_file WHERE import_id = :id").bind("id", importId).then());
    }

    @Override
    public Mono<Void> eraseOwnedBy(UUID owner) {
        return db.sql("DELETE FROM logbook.import WHERE owner_id = :owner").bind("owner", owner).then();
    }

    private String warningsJson(List<ImportWarning> warnings) {
        List<ImportView.Warning> kept = warnings.stream().limit(MAX_WARNINGS)
                .map(w -> new ImportView.Warning(w.row(), w.message())).toList();
        return json.writeValueAsString(kept);
    }

    private ImportView toView(Readable row) {
        List<ImportView.Warning> warnings = json.readValue(row.get("warnings", String.class),
                new TypeReference<List<ImportView.Warning>>() { });
        return new ImportView(row.get("id", UUID.class), row.get("source", String.class),
                ImportStatus.fromId(row.get("status", String.class)),
                row.get("rows_read", Integer.class), row.get("ticks_added", Integer.class),
                row.get("ticks_updated", Integer.class), row.get("ticks_unchanged", Integer.class),
                row.get("ticks_skipped", Integer.class), row.get("ticks_kept_deleted", Integer.class), warnings, row.get("error", String.class),
                row.get("file_name", String.class), row.get("created_at", OffsetDateTime.class),
                row.get("finished_at", OffsetDateTime.class));
    }
}
