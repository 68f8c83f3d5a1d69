package dev.cruxlog.logbook.application;

import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cruxlog.logbook.ImportStatus;
import dev.cruxlog.logbook.adapter.out.file.blockingio.OpenCsvSourceFiles;
import dev.cruxlog.platform.jobs.Job;
import dev.cruxlog.platform.testing.NoTransaction;
import dev.cruxlog.platform.testing.SharedData;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import is prepared (read, translated, sorted against the source's ticks) outside its
 * transaction, then checked under the climber's lock: the source's ticks read again must be what
 * it was sorted against. Here the in-memory logbook's hashes change between reads, as an edit of
 * one of the source's ticks would: the import is never written against the old read.
 */
class ImportJobLogbookChangedTest {

    private static final UUID CLIMBER = UUID.fromString("00000000-0000-0000-0000-0000000000c3");
    private static final UUID IMPORT = UUID.fromString("00000000-0000-0000-0000-0000000000a3");

    private final InMemoryImports imports = new InMemoryImports(IMPORT);
    private final AtomicInteger hashReads = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();
    private final NoTransaction transactions = new NoTransaction();

    @Test
    void aSourceEditedBetweenPreparationAndLockIsPreparedAgainThenWritten() throws Exception {
        // The first preparation reads one logbook, the check under the lock another; from then on it holds still.
        ImportJob job = job(read -> read == 0 ? Map.of() : Map.of("edited#1", "new hash"));

        StepVerifier.create(job.handle(delivery())).verifyComplete();

        assertThat(hashReads).as("prepared twice, checked twice").hasValue(4);
        assertThat(transactions.transactions()).as("each check under the lock in a transaction of its own").isEqualTo(2);
        assertThat(writes).as("written once, against the logbook it was checked against").hasValue(1);
        assertThat(imports.succeeded).hasSize(1);
    }

    @Test
    void aSourceThatKeepsChangingIsNeverWrittenAgainstAnOldRead() throws Exception {
        ImportJob job = job(read -> Map.of("edited#" + read, "hash"));

        StepVerifier.create(job.handle(delivery()))
                .expectError(ImportJob.LogbookChangedDuringImport.class)
                .verify();

        assertThat(hashReads).hasValue(2 * ImportJob.PREPARATIONS);
        assertThat(transactions.transactions()).isEqualTo(ImportJob.PREPARATIONS);
        assertThat(writes).as("nothing written against a read the lock did not confirm").hasValue(0);
        assertThat(imports.succeeded).isEmpty();
    }

    private ImportJob job(java.util.function.IntFunction<Map<String, String>> hashesOnRead) throws Exception {
        imports.job = new Imports.Job(IMPORT, CLIMBER, "mountain-project", ImportStatus.QUEUED, null);
        imports.file = Files.readAllBytes(SharedData.dir().resolve("mountain-project/ticks-small-4.csv"));
        Ticks logbook = NewTicksLogbook.of(() -> hashesOnRead.apply(hashReads.getAndIncrement()), NewTicksLogbook::counted, chunks -> {
            writes.incrementAndGet();
            return NewTicksLogbook.total(chunks);
        });
        return NewTicksLogbook.importJob(imports, logbook, new OpenCsvSourceFiles(), transactions);
    }

    private static Job delivery() {
        return new Job(11, ImportService.JOB_KIND, "{\"importId\":\"" + IMPORT + "\"}", 1, 3);
    }
}
