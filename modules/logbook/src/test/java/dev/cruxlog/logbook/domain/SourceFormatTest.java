package dev.cruxlog.logbook.domain;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.cruxlog.logbook.adapter.out.file.blockingio.OpenCsvSourceFiles;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceFormatTest {

    @Test
    void recognisesEveryKnownExportAndNamesWhatIsNot() {
        assertThat(SourceFormat.detect("\uFEFFDate,Route,Rating,Notes\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(SourceFormat.MOUNTAIN_PROJECT_CSV);
        assertThat(SourceFormat.detect("Route/Boulder Name,difficulty,x\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(SourceFormat.EIGHT_A_CSV);
        assertThat(SourceFormat.detect("{\"ascents\":[]}".getBytes(StandardCharsets.UTF_8))).isEqualTo(SourceFormat.EIGHT_A_JSON);
        assertThatThrownBy(() -> SourceFormat.detect(new byte[] {'P', 'K', 3, 4, 0})).hasMessageContaining("ZIP archive");
        assertThatThrownBy(() -> SourceFormat.detect(new byte[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> SourceFormat.detect("hello,world\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("'hello,world'");
    }

    @Test
    void csvReadingKeepsMultiLineNotesAndLineNumbersAndRefusesMissingColumns() {
        byte[] csv = "Date,Route,Rating,Notes\r\n2024-01-01,A,5.9,\"line one\nline two\"\r\n2024-01-02,B,5.10a,\r\n"
                .getBytes(StandardCharsets.UTF_8);
        StepVerifier.create(wholeCsv(csv, List.of("Date", "Route", "Rating"), ImportLimits.DEFAULT))
                .assertNext(rows -> {
                    assertThat(rows).hasSize(2);
                    assertThat(rows.get(0).get("Notes")).isEqualTo("line one\nline two");
                    assertThat(rows.get(1).line()).isEqualTo(4);
                })
                .verifyComplete();
        StepVerifier.create(wholeCsv(csv, List.of("Date", "Rating Code"), ImportLimits.DEFAULT))
                .expectErrorMatches(e -> e.getMessage().contains("Rating Code") && e.getMessage().contains("Its columns are"))
                .verify();
    }

    @Test
    void aCsvCannotTurnShortLinesUnderAWideHeaderIntoMillionsOfFields() {
        // 128 columns, then 15,700 lines of 128 empty fields: 2 MB of commas, 2 million fields.
        String header = "Date,Route,Rating," + "x,".repeat(124) + "last\n";
        String line = "2024-01-01,A,5.9" + ",".repeat(125) + "\n";
        byte[] wide = (header + line.repeat(15_700)).getBytes(StandardCharsets.UTF_8);
        StepVerifier.create(wholeCsv(wide, List.of("Date", "Route", "Rating"), ImportLimits.DEFAULT))
                .expectErrorMatches(e -> e instanceof ImportRejected && e.getMessage().contains("more than 2000000 fields"))
                .verify();
        byte[] wider = ("Date,Route,Rating," + "x,".repeat(200) + "last\n" + line).getBytes(StandardCharsets.UTF_8);
        StepVerifier.create(wholeCsv(wider, List.of("Date", "Route", "Rating"), ImportLimits.DEFAULT))
                .expectErrorMatches(e -> e instanceof ImportRejected && e.getMessage().contains("more than 128 columns"))
                .verify();
    }

    @Test
    void aFileCutMidRowIsRefusedAndSoIsAnyRowWithMoreOrFewerFieldsThanTheHeader() {
        String header = "Date,Route,Rating,Notes,Pitches\n";
        byte[] cut = (header + "2024-01-01,A,5.9,fine,1\n2024-01-02,B,5.1").getBytes(StandardCharsets.UTF_8);
        StepVerifier.create(wholeCsv(cut, List.of("Date", "Route", "Rating"), ImportLimits.DEFAULT))
                .expectErrorMatches(e -> e instanceof ImportRejected && e.getMessage().contains("middle of line 3")
                        && e.getMessage().contains("3 of 5 columns") && e.getMessage().contains("cut off"))
                .verify();
        // Issue #16: a short row, last or not, is refused naming its line; so is a long one.
        byte[] shortLast = (header + "2024-01-01,A,5.9,fine,1\n2024-01-02,B,5.1\n").getBytes(StandardCharsets.UTF_8);
        StepVerifier.create(wholeCsv(shortLast, List.of("Date", "Route", "Rating"), ImportLimits.DEFAULT))
                .expectErrorMatches(e -> e instanceof ImportRejected && e.getMessage().startsWith("Line 3 has 3 fields")
                        && e.getMessage().contains("header has 5"))
                .verify();
        byte[] shortMiddle = (header + "2024-01-01,A,5.9\n2024-01-02,B,5.10a,ok,1\n").getBytes(StandardCharsets.UTF_8);
        StepVerifier.create(wholeCsv(shortMiddle, List.of("Date", "Route", "Rating"), ImportLimits.DEFAULT))
                .expectErrorMatches(e -> e instanceof ImportRejected && e.getMessage().startsWith("Line 2 has 3 fields"))
                .verify();
        byte[] longRow = (header + "2024-01-01,A,5.9,fine,1\n2024-01-02,B,5.10a,a, b and c,1\n").getBytes(StandardCharsets.UTF_8);
        StepVerifier.create(wholeCsv(longRow, List.of("Date", "Route", "Rating"), ImportLimits.DEFAULT))
                .expectErrorMatches(e -> e instanceof ImportRejected && e.getMessage().startsWith("Line 3 has 6 fields"))
                .verify();
    }

    @Test
    void aQuotedFieldThatSwallowedTheNextRowsIsRefusedNamingItsLine() {
        // The reviewed file: a stray quote opens a field that runs on through the next row, date
        // and all, until another quote closes it; the record even has the header's field count.
        String header = "Date,Route,Rating,Notes,Pitches,Style\n";
        byte[] swallowed = (header + "2024-01-01,A,5.9,fine,1,Lead\n2024-01-02,B,5.10a,\"great,1,Lead\n"
                + "2024-01-03,C,5.8,cruxy,unclosed quote\",1,Lead\n").getBytes(StandardCharsets.UTF_8);
        StepVerifier.create(wholeCsv(swallowed, List.of("Date", "Route", "Rating"), ImportLimits.DEFAULT))
                .expectErrorMatches(e -> e instanceof ImportRejected && e.getMessage().startsWith("Line 3: the Notes field runs")
                        && e.getMessage().contains("quote is probably not closed"))
                .verify();
        // A note over several lines is kept, line breaks and all, even one whose line starts with a date.
        byte[] multiLine = (header + "2024-01-01,A,5.9,\"first go:\n2 falls, then clean\n2023-07-02, summit, then down\",1,Lead\n")
                .getBytes(StandardCharsets.UTF_8);
        StepVerifier.create(wholeCsv(multiLine, List.of("Date", "Route", "Rating"), ImportLimits.DEFAULT))
                .assertNext(rows -> assertThat(rows.get(0).get("Notes"))
                        .isEqualTo("first go:\n2 falls, then clean\n2023-07-02, summit, then down"))
                .verifyComplete();
        // A complete last row without a line break after it is not cut off.
        byte[] fullLastRow = (header + "2024-01-01,A,5.9,fine,1,Lead").getBytes(StandardCharsets.UTF_8);
        StepVerifier.create(wholeCsv(fullLastRow, List.of("Date", "Route", "Rating"), ImportLimits.DEFAULT))
                .assertNext(rows -> assertThat(rows).hasSize(1))
                .verifyComplete();
    }

    @Test
    void exportedStylesClassifyBackToTheSameTick() {
        for (String[] tick : new String[][] {{"sport", "onsight"}, {"trad", "attempt"}, {"boulder", "flash"},
                {"boulder", "redpoint"}, {"tr", "top-rope"}, {"trad", "follow"}, {"sport", "top-rope"}, {"sport", "follow"},
                {"trad", "top-rope"}, {"sport", "pinkpoint"}}) {
            String[] mp = CsvExport.mountainProjectStyle(tick[0], tick[1]);
            var grade = new dev.cruxlog.grades.domain.GradeCatalog()
                    .parse(tick[0].equals("boulder") ? "V4" : "5.10a", null).orElseThrow();
            var back = dev.cruxlog.logbook.domain.MountainProjectClassifier.classify(mp[2], mp[0], mp[1], grade, "");
            assertThat(back.discipline().id()).as(String.join("/", tick)).isEqualTo(tick[0]);
            assertThat(back.style().id()).as(String.join("/", tick)).isEqualTo(tick[1]);
        }
    }

    /** Every row of a CSV export as one chunk, as an import would read it. */
    private static reactor.core.publisher.Mono<List<SourceRow>> wholeCsv(byte[] csv, List<String> requiredColumns, ImportLimits limits) {
        return new OpenCsvSourceFiles().rows(csv, requiredColumns, limits, Integer.MAX_VALUE).next().defaultIfEmpty(List.of());
    }
}
