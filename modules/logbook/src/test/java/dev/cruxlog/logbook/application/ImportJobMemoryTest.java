package dev.cruxlog.logbook.application;

import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cruxlog.logbook.ImportStatus;
import dev.cruxlog.logbook.adapter.out.file.blockingio.OpenCsvSourceFiles;
import dev.cruxlog.logbook.domain.ImportLimits;
import dev.cruxlog.logbook.domain.SourceRow;
import dev.cruxlog.logbook.domain.TickDraft;
import dev.cruxlog.platform.jobs.Job;
import dev.cruxlog.platform.testing.SharedData;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an import holds while it writes: a chunk's rows and drafts are dropped once its ticks are
 * handed to the write. A 50,000-row file's rows, then its drafts, held through the write were
 * copied by every young collection of the import (docs/benchmarks.md, seventeenth and nineteenth
 * sessions); here the job runs against in-memory ports, and the logbook's write looks, at each
 * chunk after the first, whether anything still reaches a row or a draft of the first.
 */
class ImportJobMemoryTest {

    private static final UUID CLIMBER = UUID.fromString("00000000-0000-0000-0000-0000000000c2");
    private static final UUID IMPORT = UUID.fromString("00000000-0000-0000-0000-0000000000a2");

    private final InMemoryImports imports = new InMemoryImports(IMPORT);
    private volatile WeakReference<SourceRow> aRow;
    private volatile WeakReference<Map<String, String>> aRowsFields;
    private volatile WeakReference<TickDraft> aDraft;
    /** Null until the write looked: a test that never reached a second chunk fails on it. */
    private volatile Boolean firstChunkReachableLater;
    private volatile int chunksWritten;
    private volatile long ticksWritten;

    @Test
    void aChunksRowsAndDraftsAreNoLongerHeldWhileTheNextChunksAreTranslated() throws Exception {
        imports.job = new Imports.Job(IMPORT, CLIMBER, "mountain-project", ImportStatus.QUEUED, null);
        imports.file = repeated(SharedData.dir().resolve("mountain-project/ticks-sport-trad-567.csv"), 4);
        CsvSourceFiles rowsWatched = new CsvSourceFiles() {
            @Override
            public Flux<List<SourceRow>> rows(byte[] content, List<String> required, ImportLimits limits, int chunkRows) {
                return new OpenCsvSourceFiles().rows(content, required, limits, chunkRows).doOnNext(rows -> {
                    if (aRow == null) {
                        aRow = new WeakReference<>(rows.get(rows.size() / 2));
                        aRowsFields = new WeakReference<>(rows.get(rows.size() / 2).fields());
                    }
                });
            }
        };
        ImportJob job = NewTicksLogbook.importJob(imports, writingTicks(), rowsWatched);

        StepVerifier.create(job.handle(new Job(9, ImportService.JOB_KIND, "{\"importId\":\"" + IMPORT + "\"}", 1, 3)))
                .verifyComplete();

        assertThat(imports.failed).isEmpty();
        assertThat(chunksWritten).as("chunks of the file encoded").isGreaterThanOrEqualTo(3);
        assertThat(ticksWritten).as("the file's ticks reached the write").isGreaterThan(4 * 500);
        assertThat(imports.succeeded).containsExactly(ticksWritten);
        assertThat(firstChunkReachableLater).as("a row or draft of the first chunk was still reachable while later chunks were translated")
                .isFalse();
    }

    /** The export's rows {@code times} over under its one header: a file of several chunks of real rows. */
    private static byte[] repeated(java.nio.file.Path export, int times) throws java.io.IOException {
        String text = Files.readString(export);
        int headerEnd = text.indexOf('\n') + 1;
        StringBuilder file = new StringBuilder(text.substring(0, headerEnd));
        for (int i = 0; i < times; i++) {
            file.append(text.substring(headerEnd));
        }
        return file.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A logbook holding nothing, whose encoding of each chunk of new ticks after the first collects garbage and looks for the watched row and draft. */
    private Ticks writingTicks() {
        return NewTicksLogbook.of(Map::of, chunk -> {
            if (chunksWritten == 0) {
                aDraft = new WeakReference<>(chunk.get(chunk.size() / 2).draft());
            } else {
                // Once reachable at any later chunk is a failure: a later check must not clear it.
                firstChunkReachableLater = Boolean.TRUE.equals(firstChunkReachableLater)
                        || stillReachable(aRow) || stillReachable(aRowsFields) || stillReachable(aDraft);
            }
            chunksWritten++;
            return NewTicksLogbook.counted(chunk);
        }, chunks -> {
            ticksWritten = NewTicksLogbook.total(chunks);
            return ticksWritten;
        });
    }

    /** Whether a full collection leaves the referent (System.gc() is a request; asked a few times). */
    private static boolean stillReachable(WeakReference<?> reference) {
        for (int attempt = 0; attempt < 5 && reference.get() != null; attempt++) {
            System.gc();
        }
        return reference.get() != null;
    }
}
