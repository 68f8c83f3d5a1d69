package dev.cruxlog.logbook.application;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cruxlog.logbook.ImportStatus;
import dev.cruxlog.logbook.adapter.out.file.blockingio.OpenCsvSourceFiles;
import dev.cruxlog.platform.jobs.Job;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import page's progress bar reads "Reading N rows…" from the import's rows read while it
 * runs. The file is read a chunk at a time before anything is written, so the count must move
 * with the chunks: a 50,000-row file otherwise showed 0 rows for the seconds it was read.
 */
class ImportJobProgressTest {

    private static final UUID CLIMBER = UUID.fromString("00000000-0000-0000-0000-0000000000c4");
    private static final UUID IMPORT = UUID.fromString("00000000-0000-0000-0000-0000000000a4");

    private final InMemoryImports imports = new InMemoryImports(IMPORT);
    private final List<Integer> rowsReadAtTheWrite = new ArrayList<>();

    @Test
    void theRowsReadAreReportedChunkByChunkBeforeTheWrite() {
        int rows = 2 * ImportJob.CHUNK_ROWS + 345;
        imports.job = new Imports.Job(IMPORT, CLIMBER, "mountain-project", ImportStatus.QUEUED, null);
        imports.file = mountainProjectExport(rows);

        StepVerifier.create(job().handle(new Job(12, ImportService.JOB_KIND, "{\"importId\":\"" + IMPORT + "\"}", 1, 3)))
                .verifyComplete();

        assertThat(imports.failed).isEmpty();
        assertThat(imports.runningWithRowsRead).containsExactly(0, ImportJob.CHUNK_ROWS, 2 * ImportJob.CHUNK_ROWS, rows);
        assertThat(rowsReadAtTheWrite).as("every chunk counted before the ticks were written").containsExactly(rows);
        assertThat(imports.succeeded).containsExactly((long) rows);
    }

    @Test
    void aCountThatCouldNotBeWrittenLeavesTheImportToGoOn() {
        int rows = ImportJob.CHUNK_ROWS + 1;
        imports.job = new Imports.Job(IMPORT, CLIMBER, "mountain-project", ImportStatus.QUEUED, null);
        imports.file = mountainProjectExport(rows);
        imports.progressWritesFail = true;

        StepVerifier.create(job().handle(new Job(12, ImportService.JOB_KIND, "{\"importId\":\"" + IMPORT + "\"}", 1, 3)))
                .verifyComplete();

        assertThat(imports.failed).isEmpty();
        assertThat(imports.runningWithRowsRead).as("only the first, of 0 rows, was written").containsExactly(0);
        assertThat(imports.succeeded).containsExactly((long) rows);
    }

    /** A Mountain Project export of distinct climbs, one a day. */
    private static byte[] mountainProjectExport(int rows) {
        StringBuilder file = new StringBuilder("Date,Route,Rating,Notes,URL,Pitches,Location,Avg Stars,Your Stars,Style,"
                + "Lead Style,Route Type,Your Rating,Length,Rating Code\n");
        LocalDate day = LocalDate.of(2020, 1, 1);
        for (int i = 0; i < rows; i++) {
            file.append(day.plusDays(i)).append(",Route ").append(i).append(",5.10a,,https://www.mountainproject.com/route/")
                    .append(100_000 + i).append("/route-").append(i).append(",1,Crag > Wall,3.0,3,Lead,Redpoint,Sport,,25,2300\n");
        }
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    private ImportJob job() {
        return NewTicksLogbook.importJob(imports, NewTicksLogbook.of(Map::of, NewTicksLogbook::counted, chunks -> {
            rowsReadAtTheWrite.add(imports.runningWithRowsRead.get(imports.runningWithRowsRead.size() - 1));
            return NewTicksLogbook.total(chunks);
        }), new OpenCsvSourceFiles());
    }
}
