package dev.cruxlog.logbook.application;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.cruxlog.grades.domain.GradeCatalog;
import dev.cruxlog.logbook.adapter.out.file.JsonReaders;
import dev.cruxlog.logbook.adapter.out.file.blockingio.OpenCsvSourceFiles;
import dev.cruxlog.logbook.adapter.out.file.blockingio.XlsxSourceFiles;
import dev.cruxlog.logbook.domain.FileTranslation;
import dev.cruxlog.logbook.domain.ImportGrades;
import dev.cruxlog.logbook.domain.ImportLimits;
import dev.cruxlog.logbook.domain.ImportRejected;
import dev.cruxlog.logbook.domain.SourceFormat;
import dev.cruxlog.logbook.domain.SourceRecords;
import dev.cruxlog.logbook.domain.SourceRow;
import dev.cruxlog.logbook.domain.TickDraft;
import dev.cruxlog.logbook.domain.TranslatedFile;
import dev.cruxlog.platform.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import reads and translates a file a chunk of rows at a time (ImportJob). Every shared export,
 * read and translated in chunks of one row, of seven and of the import's own size, gives exactly
 * the drafts, warnings and skipped rows of the whole file read and translated at once: repeated
 * climbs keep their numbers across chunks, and no row is lost or read twice at a chunk's edge.
 */
class ChunkedTranslationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mountain-project/ticks-sport-trad-567.csv", "mountain-project/ticks-boulder-267.csv",
            "mountain-project/ticks-excel-mangled-741.csv", "mountain-project/ticks-small-4.csv",
            "other-logbooks/8a-csv-export-9.csv", "other-logbooks/sendage-export.csv", "other-logbooks/thecrag-export.csv",
            "other-logbooks/ukc-logbook-export.csv", "other-logbooks/ukc-logbook-export.xlsx",
            "other-logbooks/27crags-export.json", "eight-a/ascents-boulder-160.json", "eight-a/ascents-boulder-178.json"})
    void everySharedExportTranslatesInChunksAsItDoesWhole(String export) throws Exception {
        byte[] bytes = Files.readAllBytes(SharedData.dir().resolve(export));
        SourceFormat format = SourceFormat.detect(bytes);
        SourceRecords whole = wholeRecords(format, bytes);
        TranslatedFile expected = translation(format, whole).whole(whole.rows());
        assertThat(expected.drafts()).as("the export has ticks to compare").isNotEmpty();

        for (int chunkRows : new int[] {1, 7, ImportJob.CHUNK_ROWS}) {
            FileTranslation translation = translation(format, new SourceRecords(whole.context(), List.of()));
            List<TickDraft> drafts = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            StepVerifier.create(chunks(format, bytes, whole, chunkRows))
                    .thenConsumeWhile(chunk -> {
                        sizes.add(chunk.size());
                        drafts.addAll(translation.next(chunk));
                        return true;
                    })
                    .verifyComplete();

            assertThat(sizes).as("chunks of %d rows", chunkRows).allSatisfy(size -> assertThat(size).isBetween(1, chunkRows));
            assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(whole.rows().size());
            assertThat(drafts).as("drafts in chunks of %d rows", chunkRows).isEqualTo(expected.drafts());
            assertThat(translation.warnings()).as("warnings in chunks of %d rows", chunkRows).isEqualTo(expected.warnings());
            assertThat(translation.skipped()).isEqualTo(expected.skipped());
        }
    }

    @Test
    void aRowBreakingALimitEndsTheChunksWithTheReasonAfterTheRowsBeforeIt() throws Exception {
        String text = Files.readString(SharedData.dir().resolve("mountain-project/ticks-sport-trad-567.csv"));
        ImportLimits fiveHundredRows = new ImportLimits(ImportLimits.DEFAULT.maxFileBytes(), 500,
                ImportLimits.DEFAULT.maxFieldChars(), ImportLimits.DEFAULT.maxLinesPerRecord());
        int rowsBefore = rowsHandedOnBeforeRefusal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), fiveHundredRows, 100,
                "more than 500 rows");
        assertThat(rowsBefore).isEqualTo(500);
    }

    @Test
    void aBrokenRowFarIntoTheFileIsRefusedNamingItsLineAcrossChunkEdges() {
        StringBuilder csv = new StringBuilder("Date,Route,Rating,Notes\n");
        int line = 1;
        for (int row = 0; row < 2_500; row++) {
            if (row == 700) {
                csv.append('\n');   // a blank line: counted as a line, not as a row
                line++;
            }
            if (row == 1_400) {
                csv.append("2024-01-01,Lap ").append(row).append(",5.9,\"two\nlines\"\n");   // a note over two lines
                line += 2;
                continue;
            }
            csv.append("2024-01-01,Lap ").append(row).append(",5.9,\n");
            line++;
        }
        int broken = line + 1;
        csv.append("2024-01-02,Chatty,5.9,\"").append("x".repeat(ImportLimits.DEFAULT.maxFieldChars() + 1)).append("\"\n");
        int rowsBefore = rowsHandedOnBeforeRefusal(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), ImportLimits.DEFAULT, ImportJob.CHUNK_ROWS,
                "Line " + broken + ": the Notes field");
        assertThat(rowsBefore).as("the two full chunks before it").isEqualTo(2_000);
    }

    @Test
    void theFieldLimitCountsEveryChunksFields() {
        List<String> header = new ArrayList<>(List.of("Date", "Route", "Rating"));
        while (header.size() < ImportLimits.MAX_COLUMNS) {
            header.add("Column " + header.size());
        }
        String row = "2024-01-01,R,5.9" + ",".repeat(ImportLimits.MAX_COLUMNS - 3) + "\n";
        int rows = ImportLimits.MAX_FIELDS / ImportLimits.MAX_COLUMNS + 1;
        StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
        csv.append(row.repeat(rows));
        int rowsBefore = rowsHandedOnBeforeRefusal(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), ImportLimits.DEFAULT, ImportJob.CHUNK_ROWS,
                "fields (rows × columns)");
        assertThat(rowsBefore).as("refused in the chunk that crosses the limit, not the first").isGreaterThan(ImportJob.CHUNK_ROWS);
    }

    /** The rows a Mountain Project CSV hands on, chunk by chunk, before it is refused with {@code reason}. */
    private static int rowsHandedOnBeforeRefusal(byte[] csv, ImportLimits limits, int chunkRows, String reason) {
        AtomicReference<Integer> rows = new AtomicReference<>(0);
        StepVerifier.create(new OpenCsvSourceFiles().rows(csv, SourceFormat.MOUNTAIN_PROJECT_CSV.requiredColumns(), limits, chunkRows))
                .thenConsumeWhile(chunk -> {
                    rows.updateAndGet(read -> read + chunk.size());
                    return true;
                })
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ImportRejected.class).hasMessageContaining(reason))
                .verify();
        return rows.get();
    }

    private static FileTranslation translation(SourceFormat format, SourceRecords settings) {
        return ImportJob.translation(format, format.source(), settings, new ImportGrades(new GradeCatalog()), TODAY);
    }

    private static SourceRecords wholeRecords(SourceFormat format, byte[] bytes) {
        AtomicReference<SourceRecords> read = new AtomicReference<>();
        StepVerifier.create(switch (format.container()) {
                    case CSV -> wholeCsv(bytes, format.requiredColumns(), ImportLimits.DEFAULT)
                            .map(SourceRecords::table);
                    case XLSX -> new XlsxSourceFiles().read(bytes, format.requiredColumns(), ImportLimits.DEFAULT)
                            .map(SourceRecords::table);
                    case JSON -> JsonReaders.jackson().read(bytes, format.recordsPointer(), ImportLimits.DEFAULT);
                })
                .consumeNextWith(read::set)
                .verifyComplete();
        return read.get();
    }

    /** As the import reads them: a CSV parsed as the chunks are asked for, the others read whole and handed out. */
    private static Flux<List<SourceRow>> chunks(SourceFormat format, byte[] bytes, SourceRecords whole, int chunkRows) {
        return switch (format.container()) {
            case CSV -> new OpenCsvSourceFiles().rows(bytes, format.requiredColumns(), ImportLimits.DEFAULT, chunkRows);
            case XLSX, JSON -> RowChunks.of(whole.rows(), chunkRows);
        };
    }

    /** Every row of a CSV export as one chunk, as an import would read it. */
    private static reactor.core.publisher.Mono<List<SourceRow>> wholeCsv(byte[] csv, List<String> requiredColumns, ImportLimits limits) {
        return new OpenCsvSourceFiles().rows(csv, requiredColumns, limits, Integer.MAX_VALUE).next().defaultIfEmpty(List.of());
    }
}
