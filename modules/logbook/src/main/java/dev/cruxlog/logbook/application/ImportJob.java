package dev.cruxlog.logbook.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import dev.cruxlog.grades.Grades;
import dev.cruxlog.identity.EightAProfile;
import dev.cruxlog.logbook.LogbookStatistics.WholeLogbookFigures;
import dev.cruxlog.logbook.SendCounting;
import dev.cruxlog.logbook.domain.CsvExport;
import dev.cruxlog.logbook.domain.EightAAscents;
import dev.cruxlog.logbook.domain.EightACsvRows;
import dev.cruxlog.logbook.domain.ImportGrades;
import dev.cruxlog.logbook.domain.ImportLimits;
import dev.cruxlog.logbook.domain.ImportRejected;
import dev.cruxlog.logbook.domain.ImportWarning;
import dev.cruxlog.logbook.domain.MountainProjectRows;
import dev.cruxlog.logbook.domain.NewTick;
import dev.cruxlog.logbook.domain.SendageRows;
import dev.cruxlog.logbook.domain.SourceFormat;
import dev.cruxlog.logbook.domain.SourceRecords;
import dev.cruxlog.logbook.domain.TheCragRows;
import dev.cruxlog.logbook.domain.TickDraft;
import dev.cruxlog.logbook.domain.TranslatedFile;
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
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

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
                    return records(format, bytes).map(records -> new Read(format, records));
                })
                .flatMap(read -> {
                    int rowsRead = read.records().rows().size();
                    // The translation takes the rows and drops them. Held by this chain's
                    // lambdas, a 50,000-row file's rows stayed live through the whole write,
                    // and every young collection copied them (docs/benchmarks.md, seventeenth session).
                    Untranslated untranslated = new Untranslated(read);
                    return imports.markRunning(found.id(), rowsRead)
                            // Pure CPU work over every row: on a CPU worker, not on the database
                            // driver's event loop, which every other request's queries share.
                            .then(Mono.fromCallable(() -> {
                                        Read taken = untranslated.take();
                                        return translate(taken.format(), found.source(), taken.records());
                                    }).subscribeOn(Schedulers.parallel()))
                            .flatMap(result -> apply(found, rowsRead, result));
                });
    }

    private record Read(SourceFormat format, SourceRecords records) {
    }

    /** A file's records, handed to its translation once and no longer held here after. */
    private static final class Untranslated {

        private final AtomicReference<Read> read;

        Untranslated(Read read) {
            this.read = new AtomicReference<>(read);
        }

        Read take() {
            Read taken = read.getAndSet(null);
            if (taken == null) {
                throw new IllegalStateException("The file's records were already translated");
            }
            return taken;
        }
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

    private Mono<SourceRecords> records(SourceFormat format, byte[] bytes) {
        ImportLimits limits = ImportLimits.DEFAULT;
        return switch (format.container()) {
            case CSV -> csv.read(bytes, format.requiredColumns(), limits).map(SourceRecords::table);
            case XLSX -> spreadsheets.read(bytes, format.requiredColumns(), limits).map(SourceRecords::table);
            case JSON -> json.read(bytes, format.recordsPointer(), limits);
        };
    }

    /** Pure work on rows already in memory; the tick source is the import's. */
    private TranslatedFile translate(SourceFormat format, String source, SourceRecords records) {
        LocalDate today = LocalDate.now(clock);
        Grades grades = new ImportGrades(this.grades);
        return switch (format) {
            // Cruxlog's own export is a Mountain Project CSV with formula-like fields neutralised.
            case MOUNTAIN_PROJECT_CSV -> MountainProjectRows.toDrafts(CsvExport.restored(records.rows()), grades, today);
            case EIGHT_A_JSON -> EightAAscents.translate(source, records, grades, today);
            case EIGHT_A_CSV -> EightACsvRows.translate(source, records, grades, today);
            case THECRAG_CSV -> TheCragRows.translate(source, records, grades, today);
            case UKC_CSV, UKC_XLSX -> UkcRows.translate(source, records, grades, today);
            case TWENTY_SEVEN_CRAGS_JSON -> TwentySevenCragsAscents.translate(source, records, grades, today);
            case SENDAGE_CSV -> SendageRows.translate(source, records, grades, today);
        };
    }

    private Mono<Void> apply(Imports.Job found, int rowsRead, TranslatedFile result) {
        // Announced before anything is read: the logbook read below must stay true until the commit.
        return transaction.transactional(changes.changing(found.owner())
                .then(Mono.zip(ticks.contentHashes(found.owner(), found.source()),
                        ticks.deletedSourceKeys(found.owner(), found.source()),
                        (existing, deletedKeys) -> write(found, rowsRead, result, existing, deletedKeys)))
                .flatMap(writing -> writing));
    }

    /** Adds the file's new ticks, updates the changed ones and links duplicates, against what the logbook holds. */
    private Mono<Void> write(Imports.Job found, int rowsRead, TranslatedFile result, Map<String, String> existing,
                             Set<String> deletedKeys) {
        UUID owner = found.owner();
        // New ticks get their ids here (ADR 0023) from SecureRandom, as gen_random_uuid() would
        // have given them; it may read /dev/urandom, so not on a non-blocking thread.
        return Mono.fromCallable(() -> Sorted.of(result.drafts(), existing, deletedKeys))
                .subscribeOn(Schedulers.boundedElastic())
                // One after another: the links must see this import's rows.
                .flatMap(sorted -> insertAndUpdate(owner, found.id(), sorted.added(), sorted.changed())
                        .flatMap(written -> ticks.linkCrossSourceDuplicates(owner)
                                .flatMap(linked -> tellListeners(owner, written, linked).thenReturn(linked))
                                .flatMap(linked -> imports.succeed(found.id(), rowsRead, written.inserted(), written.updated(),
                                        sorted.unchanged(), result.skipped(), sorted.keptDeleted(),
                                        withNotes(result.warnings(), linked, sorted.keptDeleted())))));
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

    /** The file's drafts against what the logbook holds: new (with their ids), changed, unchanged, deleted by the climber. */
    private record Sorted(List<NewTick> added, List<TickDraft> changed, long unchanged, long keptDeleted) {

        static Sorted of(List<TickDraft> drafts, Map<String, String> existing, Set<String> deletedKeys) {
            List<NewTick> added = new ArrayList<>();
            List<TickDraft> changed = new ArrayList<>();
            long unchanged = 0;
            long keptDeleted = 0;
            for (TickDraft draft : drafts) {
                String hash = existing.get(draft.sourceKey());
                if (hash == null && deletedKeys.contains(draft.sourceKey())) {
                    // The climber deleted this tick: a re-import does not bring it back.
                    keptDeleted++;
                } else if (hash == null) {
                    added.add(NewTick.of(draft));
                } else if (!hash.equals(draft.contentHash()) && !hash.equals(draft.contentHashBeforeUserGrade())) {
                    changed.add(draft);
                } else {
                    unchanged++;
                }
            }
            return new Sorted(added, changed, unchanged, keptDeleted);
        }
    }

    /**
     * @param folded the whole logbook's figures with this import's ticks, when the import only
     *               adds: folded on a CPU worker while PostgreSQL copies the rows (ADR 0023)
     */
    private record Written(long inserted, long updated, Optional<Map<SendCounting, WholeLogbookFigures>> folded) {
    }

    private Mono<Written> insertAndUpdate(UUID owner, UUID importId, List<NewTick> added, List<TickDraft> changed) {
        if (added.isEmpty() || !changed.isEmpty()) {
            return ticks.insertAll(owner, importId, added)
                    .flatMap(inserted -> ticks.updateAll(owner, importId, changed)
                            .map(updated -> new Written(inserted, updated, Optional.empty())));
        }
        // Only new ticks: what the logbook holds now (read under the lock taken in apply) plus
        // them is what it will hold, so its figures are folded while the COPY runs rather than
        // read back and folded after it, on a CPU worker beside the connection's wait. Routes
        // without a link are keyed by the database, as the statistics key them.
        List<NewTick.Unlinked> unlinked = NewTick.unlinkedRoutes(added);
        return Mono.zip(ticks.figureTicks(owner), ticks.routeKeys(unlinked), (held, keys) -> Mono.zip(
                        ticks.insertAll(owner, importId, added),
                        Mono.fromCallable(() -> WholeLogbookFolds.withAdded(held, NewTick.figureTicks(added, unlinked, keys)))
                                .subscribeOn(Schedulers.parallel()),
                        (inserted, folded) -> new Written(inserted, 0, Optional.of(folded))))
                .flatMap(writing -> writing);
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
