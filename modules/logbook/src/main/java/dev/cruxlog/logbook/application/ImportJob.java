package dev.cruxlog.logbook.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.cruxlog.grades.Grades;
import dev.cruxlog.identity.EightAProfile;
import dev.cruxlog.logbook.LogbookStatistics.WholeLogbookFigures;
import dev.cruxlog.logbook.SendCounting;
import dev.cruxlog.logbook.domain.AddedTicks;
import dev.cruxlog.logbook.domain.CsvExport;
import dev.cruxlog.logbook.domain.EightAAscents;
import dev.cruxlog.logbook.domain.EightACsvRows;
import dev.cruxlog.logbook.domain.FileTranslation;
import dev.cruxlog.logbook.domain.ImportGrades;
import dev.cruxlog.logbook.domain.ImportLimits;
import dev.cruxlog.logbook.domain.ImportRejected;
import dev.cruxlog.logbook.domain.ImportWarning;
import dev.cruxlog.logbook.domain.MountainProjectRows;
import dev.cruxlog.logbook.domain.NewTick;
import dev.cruxlog.logbook.domain.SendageRows;
import dev.cruxlog.logbook.domain.SourceFormat;
import dev.cruxlog.logbook.domain.SourceRecords;
import dev.cruxlog.logbook.domain.SourceRow;
import dev.cruxlog.logbook.domain.TheCragRows;
import dev.cruxlog.logbook.domain.TickDraft;
import dev.cruxlog.logbook.domain.TwentySevenCragsAscents;
import dev.cruxlog.logbook.domain.UkcRows;
import dev.cruxlog.logbook.domain.WholeLogbookFolds;
import dev.cruxlog.platform.jobs.Job;
import dev.cruxlog.platform.jobs.JobHandler;
import dev.cruxlog.platform.jobs.JobPayloads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

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
    private final CsvSourceFiles csv;
    private final JsonSourceFiles json;
    private final SpreadsheetSourceFiles spreadsheets;
    private final MountainProjectTickExports mountainProject;
    private final EightAProfiles eightA;
    private final Grades grades;
    private final JobPayloads payloads;
    private final TransactionalOperator transaction;
    private final LogbookChanges changes;
    private final Clock clock;

    ImportJob(Imports imports, Ticks ticks, CsvSourceFiles csv, JsonSourceFiles json, SpreadsheetSourceFiles spreadsheets,
              MountainProjectTickExports mountainProject, EightAProfiles eightA, Grades grades, JobPayloads payloads,
              TransactionalOperator transaction, LogbookChanges changes, Clock clock) {
        this.imports = imports;
        this.ticks = ticks;
        this.csv = csv;
        this.json = json;
        this.spreadsheets = spreadsheets;
        this.mountainProject = mountainProject;
        this.eightA = eightA;
        this.grades = grades;
        this.payloads = payloads;
        this.transaction = transaction;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return ImportService.JOB_KIND;
    }

    /**
     * One import per two cores. An import keeps a core busy for seconds (parsing here, then
     * PostgreSQL's COPY and the read model's refresh); four at once on two cores took the pages'
     * p99 from 50 ms to over a second, one at a time held it near 270 ms and finished each import
     * in half the time, as many in the same window (S6 in docs/benchmarks.md).
     */
    @Override
    public int maxConcurrent() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    /** Written by {@link ImportService}, read here. */
    record Payload(UUID importId) {
    }

    /**
     * Rows read, translated and encoded together: small enough that a chunk's rows and drafts
     * die young (about 12 MB allocated per thousand rows), large enough that its COPY text
     * (about 0.4 MB) is one buffer for the driver to write.
     */
    static final int CHUNK_ROWS = 1_000;

    @Override
    public Mono<Void> handle(Job job) {
        UUID importId = payloads.read(job, Payload.class).importId();
        return imports.forJob(importId)
                .filter(found -> !found.status().finished())
                .flatMap(found -> run(found)
                        .onErrorResume(ImportRejected.class, rejected -> imports.fail(importId, rejected.getMessage(), List.of()))
                        .onErrorResume(error -> job.attempt() >= job.maxAttempts(), error -> {
                            log.error("Import {} failed for good", importId, error);
                            return imports.fail(importId, "The import failed unexpectedly; nothing was changed. "
                                    + "Please try again, and tell us if it keeps failing.", List.of());
                        }));
    }

    private Mono<Void> run(Imports.Job found) {
        return imports.markRunning(found.id(), 0)
                .then(content(found))
                .flatMap(bytes -> {
                    SourceFormat format = SourceFormat.detect(bytes);
                    boolean fromEightAProfile = ImportService.EIGHT_A_PROFILE_SOURCE.equals(found.source());
                    if (fromEightAProfile ? format != SourceFormat.EIGHT_A_JSON : !format.isSource(found.source())) {
                        return Mono.error(new ImportRejected("Expected " + (fromEightAProfile ? "8a.nu ascent JSON"
                                : SourceFormat.forSourceDescription(found.source())) + ", got " + format.description() + "."));
                    }
                    // Prepared outside the transaction, against the logbook as read then; if it
                    // changed before the lock is taken, prepared again (see apply).
                    return Mono.defer(() -> prepare(found, format, bytes).flatMap(prepared -> apply(found, prepared)))
                            .retryWhen(Retry.max(PREPARATIONS - 1).filter(LogbookChangedDuringImport.class::isInstance)
                                    .onRetryExhaustedThrow((spec, last) -> last.failure()));
                });
    }

    private Mono<byte[]> content(Imports.Job found) {
        if (found.profileUrl() == null) {
            return imports.file(found.id()).switchIfEmpty(Mono.error(new ImportRejected("The uploaded file is gone.")));
        }
        if (ImportService.EIGHT_A_PROFILE_SOURCE.equals(found.source())) {
            return eightA.fetchAscents(EightAProfile.parse(found.profileUrl()));
        }
        return mountainProject.fetch(found.profileUrl());
    }

    /**
     * The file is read, translated, sorted against the logbook and encoded a chunk at a time, on a
     * worker and outside any transaction: each chunk's rows and drafts go once its new ticks are
     * encoded, and neither a connection nor the climber's lock is held while the file is read (a
     * file refused halfway has written no tick and locked nothing; only its rows read so far, for
     * the import page's progress). What is kept to the write is the COPY
     * text, the new ticks as the figures read them (a few hundred bytes each) and the changed
     * drafts (docs/benchmarks.md, nineteenth session; ADR 0024).
     */
    private Mono<Prepared> prepare(Imports.Job found, SourceFormat format, byte[] bytes) {
        UUID owner = found.owner();
        return Mono.zip(ticks.contentHashes(owner, found.source()), ticks.deletedSourceKeys(owner, found.source()), Sorting::new)
                .flatMap(sorting -> rows(format, bytes).flatMap(rows -> {
                    FileTranslation translation = translation(format, found.source(), rows.settings());
                    return rows.chunks()
                            .map(chunk -> {
                                EncodedTicks encoded = ticks.encode(owner, found.id(), sorting.sort(chunk.size(), translation.next(chunk)));
                                return new EncodedChunk(encoded, sorting.rowsRead());
                            })
                            // New ticks get their ids here (ADR 0023) from SecureRandom, as
                            // gen_random_uuid() would have given them; it may read /dev/urandom, so
                            // not on a non-blocking thread. Reading and translating are CPU work,
                            // never on the driver's event loop (requests too go through the worker).
                            .subscribeOn(Schedulers.boundedElastic())
                            // The import page counts the rows as they are read. The worker goes on
                            // with the next chunks while a count is written (prefetch), and a count
                            // that could not be written leaves the import to go on: it is only shown.
                            .concatMap(chunk -> imports.markRunning(found.id(), chunk.rowsReadSoFar())
                                    .onErrorResume(error -> {
                                        log.warn("Import {}: the rows read so far were not written", found.id(), error);
                                        return Mono.empty();
                                    })
                                    .thenReturn(chunk.encoded()), PROGRESS_PREFETCH)
                            .collectList()
                            .map(encoded -> new Prepared(translation, sorting, encoded));
                }));
    }

    /**
     * Chunks prepared ahead of the progress writes: the worker is not held to a database round
     * trip per chunk. What waits is only the encoded chunks, all kept to the write anyway.
     */
    private static final int PROGRESS_PREFETCH = 32;

    /** One chunk's new ticks encoded, and how many of the file's rows were read with it. */
    private record EncodedChunk(EncodedTicks encoded, int rowsReadSoFar) {
    }

    /** A file read, translated and sorted, its new ticks encoded: all the write needs. */
    private record Prepared(FileTranslation translation, Sorting sorting, List<EncodedTicks> encoded) {
    }

    /**
     * How often an import is prepared before it gives up on a logbook that keeps changing under it
     * (an edit of this source's ticks between the preparation and the lock, each time).
     */
    static final int PREPARATIONS = 3;

    /**
     * Writes a prepared import in one transaction. The climber's lock is taken first (the read
     * model's, at the announcement); the source's ticks are then read again, and the preparation
     * holds only if they are what it was sorted against: otherwise an edit came in between, and
     * the import is prepared again ({@link LogbookChangedDuringImport}).
     */
    private Mono<Void> apply(Imports.Job found, Prepared prepared) {
        UUID owner = found.owner();
        // Announced before anything is read: the logbook read below must stay true until the commit.
        return transaction.transactional(changes.changing(owner)
                .then(Mono.zip(ticks.contentHashes(owner, found.source()), ticks.deletedSourceKeys(owner, found.source()),
                        prepared.sorting()::sortedAgainst))
                .flatMap(unchanged -> unchanged ? write(found, prepared) : Mono.error(new LogbookChangedDuringImport())));
    }

    /** The source's ticks changed between an import's preparation and its lock: it is prepared again. */
    static final class LogbookChangedDuringImport extends RuntimeException {

        LogbookChangedDuringImport() {
            super("The logbook's ticks of this source changed while the import was prepared", null, false, false);
        }
    }

    /** A file's rows as they are read, and the settings a JSON export gives all of them (27crags' grade systems). */
    private record Rows(SourceRecords settings, Flux<List<SourceRow>> chunks) {
    }

    private Mono<Rows> rows(SourceFormat format, byte[] bytes) {
        ImportLimits limits = ImportLimits.DEFAULT;
        SourceRecords noSettings = SourceRecords.table(List.of());
        return switch (format.container()) {
            case CSV -> Mono.just(new Rows(noSettings, csv.rows(bytes, format.requiredColumns(), limits, CHUNK_ROWS)));
            // A spreadsheet or a JSON document is read whole (their readers build a tree), then
            // handed on a chunk at a time like a CSV's rows.
            case XLSX -> spreadsheets.read(bytes, format.requiredColumns(), limits)
                    .map(table -> new Rows(noSettings, RowChunks.of(table, CHUNK_ROWS)));
            case JSON -> json.read(bytes, format.recordsPointer(), limits)
                    .map(records -> new Rows(new SourceRecords(records.context(), List.of()), RowChunks.of(records.rows(), CHUNK_ROWS)));
        };
    }

    /** The file's translation, a chunk of rows at a time; the tick source is the import's. */
    private FileTranslation translation(SourceFormat format, String source, SourceRecords settings) {
        return translation(format, source, settings, new ImportGrades(grades), LocalDate.now(clock));
    }

    static FileTranslation translation(SourceFormat format, String source, SourceRecords settings, Grades grades,
                                       LocalDate today) {
        return switch (format) {
            // Cruxlog's own export is a Mountain Project CSV with formula-like fields neutralised.
            case MOUNTAIN_PROJECT_CSV -> MountainProjectRows.translation(grades, today).preparing(CsvExport::restored);
            case EIGHT_A_JSON -> EightAAscents.translation(source, grades, today);
            case EIGHT_A_CSV -> EightACsvRows.translation(source, grades, today);
            case THECRAG_CSV -> TheCragRows.translation(source, grades, today);
            case UKC_CSV, UKC_XLSX -> UkcRows.translation(source, grades, today);
            case TWENTY_SEVEN_CRAGS_JSON -> TwentySevenCragsAscents.translation(source, settings, grades, today);
            case SENDAGE_CSV -> SendageRows.translation(source, grades, today);
        };
    }

    /** Adds the file's new ticks, updates the changed ones and links duplicates, against what the logbook holds. */
    private Mono<Void> write(Imports.Job found, Prepared prepared) {
        UUID owner = found.owner();
        Sorting sorting = prepared.sorting();
        FileTranslation translation = prepared.translation();
        // One after another: the links must see this import's rows.
        return insertAndUpdate(owner, found.id(), prepared.encoded(), sorting)
                .flatMap(written -> ticks.linkCrossSourceDuplicates(owner)
                        .flatMap(linked -> tellListeners(owner, written, linked).thenReturn(linked))
                        .flatMap(linked -> imports.succeed(found.id(), sorting.rowsRead(), written.inserted(), written.updated(),
                                sorting.unchanged(), translation.skipped(), sorting.keptDeleted(),
                                withNotes(translation.warnings(), linked, sorting.keptDeleted()))));
    }

    private Mono<Written> insertAndUpdate(UUID owner, UUID importId, List<EncodedTicks> added, Sorting sorting) {
        AddedTicks addedTicks = sorting.added();
        if (addedTicks.isEmpty() || !sorting.changed().isEmpty()) {
            return ticks.insertAll(added)
                    .flatMap(inserted -> ticks.updateAll(owner, importId, sorting.changed())
                            .map(updated -> new Written(inserted, updated, Optional.empty())));
        }
        // Only new ticks: what the logbook holds now (read under the lock taken in apply) plus
        // them is what it will hold, so its figures are folded while the COPY runs rather than
        // read back and folded after it, on a CPU worker beside the connection's wait (ADR 0023).
        // Routes without a link are keyed by the database, as the statistics key them.
        return Mono.zip(ticks.figureTicks(owner), ticks.routeKeys(addedTicks.unlinkedRoutes()), (held, keys) -> Mono.zip(
                        ticks.insertAll(added),
                        Mono.fromCallable(() -> WholeLogbookFolds.withAdded(held, addedTicks.keyed(keys)))
                                .subscribeOn(Schedulers.parallel()),
                        (inserted, folded) -> new Written(inserted, 0, Optional.of(folded))))
                .flatMap(writing -> writing);
    }

    /**
     * The read model follows in this transaction: a page never shows figures of half an import.
     * A re-import that added, changed and linked nothing changed no figure; links change which
     * ticks count, so figures folded before them are not the logbook's, and the listeners read it.
     */
    private Mono<Void> tellListeners(UUID owner, Written written, long linked) {
        if (written.inserted() + written.updated() + linked == 0) {
            return Mono.empty();
        }
        return linked == 0 && written.folded().isPresent() ? changes.changed(owner, written.folded().get())
                : changes.changed(owner);
    }

    /**
     * The file's drafts against what the logbook holds, a chunk at a time: new (with their ids),
     * changed, unchanged, deleted by the climber. Called for one chunk after another, never at
     * once; read once the chunks are done. It holds the logbook as it was read, to be checked
     * again under the climber's lock ({@link #sortedAgainst}).
     */
    private static final class Sorting {

        private final Map<String, String> existing;
        private final Set<String> deletedKeys;
        private final List<TickDraft> changed = new ArrayList<>();
        private final AddedTicks added = new AddedTicks();
        private int rowsRead;
        private long unchanged;
        private long keptDeleted;

        Sorting(Map<String, String> existing, Set<String> deletedKeys) {
            this.existing = existing;
            this.deletedKeys = deletedKeys;
        }

        /** Whether the logbook still holds what these drafts were sorted against. */
        boolean sortedAgainst(Map<String, String> existingNow, Set<String> deletedKeysNow) {
            return existing.equals(existingNow) && deletedKeys.equals(deletedKeysNow);
        }

        /**
         * The new ticks among the drafts of a chunk of {@code rowsInChunk} rows, also kept as the
         * figures will read them; the rows are counted as read.
         */
        List<NewTick> sort(int rowsInChunk, List<TickDraft> drafts) {
            rowsRead += rowsInChunk;
            List<NewTick> fresh = new ArrayList<>();
            for (TickDraft draft : drafts) {
                String hash = existing.get(draft.sourceKey());
                if (hash == null && deletedKeys.contains(draft.sourceKey())) {
                    // The climber deleted this tick: a re-import does not bring it back.
                    keptDeleted++;
                } else if (hash == null) {
                    fresh.add(NewTick.of(draft));
                } else if (!hash.equals(draft.contentHash()) && !hash.equals(draft.contentHashBeforeUserGrade())) {
                    changed.add(draft);
                } else {
                    unchanged++;
                }
            }
            added.add(fresh);
            return fresh;
        }

        int rowsRead() {
            return rowsRead;
        }

        List<TickDraft> changed() {
            return changed;
        }

        AddedTicks added() {
            return added;
        }

        long unchanged() {
            return unchanged;
        }

        long keptDeleted() {
            return keptDeleted;
        }
    }

    /**
     * @param folded the whole logbook's figures with this import's ticks, when the import only
     *               adds: folded on a CPU worker while PostgreSQL copies the rows (ADR 0023)
     */
    private record Written(long inserted, long updated, Optional<Map<SendCounting, WholeLogbookFigures>> folded) {
    }

    private static List<ImportWarning> withNotes(List<ImportWarning> warnings, long linked, long keptDeleted) {
        if (linked == 0 && keptDeleted == 0) {
            return warnings;
        }
        List<ImportWarning> all = new ArrayList<>(warnings.size() + 2);
        if (keptDeleted > 0) {
            all.add(new ImportWarning(0, keptDeleted + (keptDeleted == 1 ? " tick" : " ticks") + " of this file you had "
                    + "deleted " + (keptDeleted == 1 ? "was" : "were") + " not imported again; bring "
                    + (keptDeleted == 1 ? "it" : "them") + " back from Deleted ticks in your logbook."));
        }
        if (linked > 0) {
            all.add(new ImportWarning(0, linked + (linked == 1 ? " tick was" : " ticks were") + " already in your logbook "
                    + "from another source (same route, same day): each is shown once, and both sources are kept."));
        }
        all.addAll(warnings);
        return all;
    }
}
