package dev.cruxlog.logbook.adapter.out.file.blockingio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.cruxlog.logbook.domain.ImportLimits;
import dev.cruxlog.logbook.domain.ImportRejected;
import dev.cruxlog.logbook.domain.SourceRow;
import dev.cruxlog.platform.testing.SharedData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The .xlsx reader against the files climbers export and the files attackers make (issue #15,
 * high 2): each hostile workbook is refused by the limit it attacks, while the bytes stream,
 * so what one import can make the server hold is bounded by the limits asserted first.
 */
class XlsxSourceFilesTest {

    private static final ImportLimits LIMITS = ImportLimits.DEFAULT;
    private static final String HEADER_ROW = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Date</t></is></c>"
            + "<c r=\"B1\" t=\"inlineStr\"><is><t>Route</t></is></c></row>";

    @Test
    void theLimitsThatBoundOneImportAreTheseNumbers() {
        assertThat((long) LIMITS.maxFileBytes() * XlsxSourceFiles.MAX_UNPACKED_FACTOR).isEqualTo(60L * 1024 * 1024);
        assertThat(LIMITS.maxRows()).isEqualTo(100_000);
        assertThat(LIMITS.maxFieldChars()).isEqualTo(20_000);
        assertThat(XlsxSourceFiles.MAX_COLUMNS).isEqualTo(128);
        assertThat(ImportLimits.MAX_FIELDS).isEqualTo(2_000_000);
        assertThat(XlsxSourceFiles.MAX_ELEMENT_DEPTH).isEqualTo(64);
        assertThat(XlsxSourceFiles.MAX_ENTRIES).isEqualTo(1_000);
    }

    @Test
    void readsTheSharedUkcExportLikeItsCsvTwin() throws IOException {
        byte[] xlsx = Files.readAllBytes(SharedData.dir().resolve("other-logbooks/ukc-logbook-export.xlsx"));
        List<String> csv = Files.readAllLines(SharedData.dir().resolve("other-logbooks/ukc-logbook-export.csv"));

        List<SourceRow> rows = XlsxSourceFiles.parse(xlsx, List.of(), LIMITS);

        // UKC's Excel and CSV exports name some columns differently; the climbs are the same.
        assertThat(rows).hasSize(csv.size() - 1);
        assertThat(rows.get(0).fields().keySet()).containsExactly("Climb name", "Grade", "Style", "Partner(s)", "Notes",
                "Date", "Crag name", "Grade Type", "Grade System", "Country");
        assertThat(rows.get(0).line()).isEqualTo(2);
        for (int i = 0; i < rows.size(); i++) {
            String csvName = csv.get(i + 1).split(",", 2)[0].replace("\"", "");
            assertThat(rows.get(i).get("Climb name")).isEqualTo(csvName);
        }
    }

    @Test
    void sharedTextsInlineTextsAndBlankRowsReadAsExcelShowsThem() {
        byte[] xlsx = workbook(
                "<sst><si><t>Date</t></si><si><r><t>Ra</t></r><r><t>zor</t></r><rPh><t>phonetic</t></rPh></si></sst>",
                sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"inlineStr\"><is><t>Route</t></is></c></row>"
                        + "<row r=\"2\"/>"
                        + "<row r=\"3\"><c r=\"A3\"><v>45000</v></c><c r=\"B3\" t=\"s\"><v>1</v></c><c r=\"F3\"><v>right of the header</v></c></row>"));

        List<SourceRow> rows = XlsxSourceFiles.parse(xlsx, List.of("Date", "Route"), LIMITS);

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).line()).isEqualTo(3);
        assertThat(rows.get(0).fields()).containsExactly(java.util.Map.entry("Date", "45000"), java.util.Map.entry("Route", "Razor"));
    }

    @Test
    void aZipBombIsRefusedAtTheUnpackedBudgetNotAfterUnpackingIt() {
        // The attack from the review: under a megabyte that unpacks to 390 MB of worksheet.
        byte[] bomb = zip(entries -> {
            entries.put("xl/worksheets/sheet1.xml", out -> {
                write(out, "<worksheet><sheetData>" + HEADER_ROW);
                byte[] blankRows = "<row/>".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
                for (long written = 0; written < 390L * 1024 * 1024; written += blankRows.length) {
                    write(out, blankRows);
                }
                write(out, "</sheetData></worksheet>");
            });
        });
        assertThat(bomb.length).isLessThan(1024 * 1024);

        assertThatThrownBy(() -> XlsxSourceFiles.parse(bomb, List.of(), LIMITS))
                .isInstanceOf(ImportRejected.class).hasMessageContaining("unpacks to more than 60 MB");
    }

    @Test
    void aBombInAnEntryNobodyReadsStillSpendsTheBudget() {
        byte[] bomb = zip(entries -> {
            entries.put("xl/media/image1.png", out -> {
                byte[] zeros = new byte[1024 * 1024];
                for (int i = 0; i < 100; i++) {
                    write(out, zeros);
                }
            });
            entries.put("xl/worksheets/sheet1.xml", out -> write(out, sheet(HEADER_ROW)));
        });

        assertThatThrownBy(() -> XlsxSourceFiles.parse(bomb, List.of(), LIMITS))
                .isInstanceOf(ImportRejected.class).hasMessageContaining("unpacks to more than");
    }

    @Test
    void aWorkbookOfCountlessEmptyPartsIsRefusedByTheirNumber() {
        byte[] swarm = zip(entries -> {
            entries.put("xl/worksheets/sheet1.xml", out -> write(out, sheet(HEADER_ROW)));
            for (int i = 0; i <= XlsxSourceFiles.MAX_ENTRIES; i++) {
                entries.put("xl/empty" + i + ".bin", out -> { });
            }
        });

        assertThatThrownBy(() -> XlsxSourceFiles.parse(swarm, List.of(), LIMITS))
                .isInstanceOf(ImportRejected.class).hasMessageContaining("more than 1000 parts");
    }

    @Test
    void aColumnFarToTheRightIsRefusedBeforeAnythingIsAllocatedForIt() {
        // fastexcel-reader would add 321 million list slots for this one cell.
        byte[] xlsx = workbook(null, sheet(HEADER_ROW + "<row r=\"2\"><c r=\"ZZZZZZ2\"><v>1</v></c></row>"));
        assertThatThrownBy(() -> XlsxSourceFiles.parse(xlsx, List.of(), LIMITS))
                .isInstanceOf(ImportRejected.class).hasMessageContaining("more than 128 columns");

        byte[] unnamed = workbook(null, sheet("<row>" + "<c><v>1</v></c>".repeat(2_000) + "</row>"));
        assertThatThrownBy(() -> XlsxSourceFiles.parse(unnamed, List.of(), LIMITS))
                .isInstanceOf(ImportRejected.class).hasMessageContaining("more than 128 columns");
    }

    @Test
    void aHugeCellOrSharedTextIsRefusedAsSoonAsItPassesTheLongestField() {
        String fiftyMegabytes = "a".repeat(50 * 1024 * 1024);
        byte[] cell = workbook(null, sheet(HEADER_ROW + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>"
                + fiftyMegabytes + "</t></is></c></row>"));
        assertThatThrownBy(() -> XlsxSourceFiles.parse(cell, List.of(), LIMITS))
                .isInstanceOf(ImportRejected.class).hasMessageContaining("Row 2: a cell is longer than 20000 characters");

        byte[] shared = workbook("<sst><si><t>" + fiftyMegabytes + "</t></si></sst>", sheet(HEADER_ROW));
        assertThatThrownBy(() -> XlsxSourceFiles.parse(shared, List.of(), LIMITS))
                .isInstanceOf(ImportRejected.class).hasMessageContaining("A shared text is longer than 20000 characters");
    }

    @Test
    void rowsAreCountedAsTheyAreRead() {
        ImportLimits tenRows = new ImportLimits(LIMITS.maxFileBytes(), 10, LIMITS.maxFieldChars(), LIMITS.maxLinesPerRecord());
        byte[] xlsx = workbook(null, sheet(HEADER_ROW + "<row><c r=\"A9\"><v>2024-01-01</v></c></row>".repeat(11)));
        assertThatThrownBy(() -> XlsxSourceFiles.parse(xlsx, List.of(), tenRows))
                .isInstanceOf(ImportRejected.class).hasMessageContaining("more than 10 rows");
    }

    @Test
    void aWideHeaderOverManyShortRowsIsRefusedByTheFieldsItWouldKeep() {
        // 400 KB of XML; kept as rows of 128 fields each it would be 2 million map entries.
        StringBuilder header = new StringBuilder("<row r=\"1\">");
        for (int i = 0; i < 128; i++) {
            header.append("<c t=\"inlineStr\"><is><t>column ").append(i).append("</t></is></c>");
        }
        byte[] xlsx = workbook(null, sheet(header.append("</row>") + "<row><c><v>1</v></c></row>".repeat(15_700)));
        assertThatThrownBy(() -> XlsxSourceFiles.parse(xlsx, List.of(), LIMITS))
                .isInstanceOf(ImportRejected.class).hasMessageContaining("more than 2000000 fields");
    }

    @Test
    void deepNestingAndEntitiesAreRefusedNotExpanded() {
        byte[] deep = workbook(null, "<worksheet>" + "<x>".repeat(100_000) + "</worksheet>");
        assertThatThrownBy(() -> XlsxSourceFiles.parse(deep, List.of(), LIMITS))
                .isInstanceOf(ImportRejected.class).hasMessageContaining("nests deeper than 64 levels");

        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>";
        byte[] entities = workbook(null, laughs + sheet(HEADER_ROW
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>x&lol3;y</t></is></c></row>"));
        // DTDs are not processed: the reference stays unexpanded, and the cell keeps its own text.
        List<SourceRow> rows = XlsxSourceFiles.parse(entities, List.of(), LIMITS);
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.get("Date")).isEqualTo("xy"));
    }

    @Test
    void notAWorkbookAtAllSaysSo() {
        assertThatThrownBy(() -> XlsxSourceFiles.parse("Date,Route\n".getBytes(StandardCharsets.US_ASCII), List.of(), LIMITS))
                .isInstanceOf(ImportRejected.class).hasMessageContaining("not an Excel workbook");
        byte[] noSheet = zip(entries -> entries.put("xl/workbook.xml", out -> write(out, "<workbook/>")));
        assertThatThrownBy(() -> XlsxSourceFiles.parse(noSheet, List.of(), LIMITS))
                .isInstanceOf(ImportRejected.class).hasMessageContaining("no worksheet");
        byte[] damaged = workbook(null, "<worksheet><sheetData><row>");
        assertThatThrownBy(() -> XlsxSourceFiles.parse(damaged, List.of(), LIMITS))
                .isInstanceOf(ImportRejected.class).hasMessageContaining("could not be read");
    }

    private static String sheet(String rows) {
        return "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + rows
                + "</sheetData></worksheet>";
    }

    private static byte[] workbook(String sharedStrings, String sheetXml) {
        return zip(entries -> {
            if (sharedStrings != null) {
                entries.put("xl/sharedStrings.xml", out -> write(out, sharedStrings));
            }
            entries.put("xl/worksheets/sheet1.xml", out -> write(out, sheetXml));
        });
    }

    interface Entries {
        void put(String name, Consumer<ZipOutputStream> content);
    }

    private static byte[] zip(Consumer<Entries> build) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            build.accept((name, content) -> {
                try {
                    zip.putNextEntry(new ZipEntry(name));
                    content.accept(zip);
                    zip.closeEntry();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void write(ZipOutputStream out, String text) {
        write(out, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(ZipOutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
