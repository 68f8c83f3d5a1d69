package dev.cruxlog.logbook.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.cruxlog.grades.Grades;
import dev.cruxlog.platform.jobs.Job;
import dev.cruxlog.platform.jobs.JobHandler;
import dev.cruxlog.platform.jobs.JobPayloads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Runs one import: read the file (or fetch it), understand every row, and apply the result
 * in a single transaction. New source keys are inserted, changed ones updated, the rest
 * counted as unchanged; ticks from other sources and hand-entered ticks are never touched.
 * A rejected file fails the import with its reason and changes nothing.
 */
@Component
class ImportJob implements JobHandler {

    private static final Logger log = LoggerFactory.getLogger(ImportJob.class);

    private final Imports imports;
    private final Ticks ticks;
    private final CsvExports csv;
    private final MountainProjectTickExports mountainProject;
    private final Grades grades;
    private final JobPayloads payloads;
    private final TransactionalOperator transaction;
    private final Clock clock;

    ImportJob(Imports imports, Ticks ticks, CsvExports csv, MountainProjectTickExports mountainProject, Grades grades,
              JobPayloads payloads, TransactionalOperator transaction, Clock clock) {
        this.imports = imports;
        this.ticks = ticks;
        this.csv = csv;
        this.mountainProject = mountainProject;
        this.grades = grades;
        this.payloads = payloads;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return ImportService.JOB_KIND;
    }

    record Payload(String importId) {
    }

    @Override
    public Mono<Void> handle(Job job) {
        UUID importId = UUID.fromString(payloads.read(job, Payload.class).importId());
        return imports.forJob(importId)
                .filter(found -> !"succeeded".equals(found.status()) && !"failed".equals(found.status()))
                .flatMap(found -> run(found)
                        .onErrorResume(ImportRejected.class, rejected -> imports.fail(importId, rejected.getMessage(), List.of()))
                        .onErrorResume(error -> job.attempt() >= job.maxAttempts(), error -> {
                            log.error("Import {} failed for good", importId, error);
                            return imports.fail(importId, "The import failed unexpectedly; nothing was changed. "
                                    + "Please try again, and tell us if it keeps failing.", List.of());
                        }));
    }

    private Mono<Void> run(Imports.Job found) {
        Mono<byte[]> content = found.profileUrl() != null ? mountainProject.fetch(found.profileUrl())
                : imports.file(found.id()).switchIfEmpty(Mono.error(new ImportRejected("The uploaded file is gone.")));
        return imports.markRunning(found.id(), 0)
                .then(content)
                .flatMap(bytes -> {
                    ExportFormat format = ExportFormat.detect(bytes);
                    if (format != ExportFormat.MOUNTAIN_PROJECT_CSV) {
                        return Mono.error(new ImportRejected("Expected a Mountain Project tick export, got "
                                + format.description() + "."));
                    }
                    return csv.read(bytes, MountainProjectRows.REQUIRED_COLUMNS, ImportLimits.DEFAULT);
                })
                .flatMap(rows -> imports.markRunning(found.id(), rows.size())
                        .then(Mono.fromCallable(() -> MountainProjectRows.toDrafts(rows, grades, LocalDate.now(clock))))
                        .flatMap(result -> apply(found, rows.size(), result)));
    }

    private Mono<Void> apply(Imports.Job found, int rowsRead, MountainProjectRows.Result result) {
        return transaction.transactional(ticks.contentHashes(found.owner(), found.source())
                .flatMap(existing -> {
                    List<TickDraft> added = new ArrayList<>();
                    List<TickDraft> changed = new ArrayList<>();
                    long unchanged = 0;
                    for (TickDraft draft : result.drafts()) {
                        String hash = existing.get(draft.sourceKey());
                        if (hash == null) {
                            added.add(draft);
                        } else if (!hash.equals(draft.contentHash())) {
                            changed.add(draft);
                        } else {
                            unchanged++;
                        }
                    }
                    long same = unchanged;
                    return ticks.insertAll(found.owner(), found.id(), added)
                            .zipWith(ticks.updateAll(found.owner(), found.id(), changed))
                            .flatMap(counts -> imports.succeed(found.id(), rowsRead, counts.getT1(), counts.getT2(), same,
                                    result.skipped(), result.warnings()));
                }));
    }
}
