package dev.cruxlog.logbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.DatabaseRows;
import dev.cruxlog.support.LogbookImports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue #15, high 2, through the running application: a free account uploads the review's zip
 * bomb (under a megabyte, 390 MB unpacked). The import fails with its reason after reading
 * at most the unpacked budget, its job runs once (a file refused for what it contains is
 * never retried), and nothing is written.
 */
@CruxlogIntegrationTest
class HostileSpreadsheetImportTest {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Test
    void aZipBombFailsTheImportOnceWithItsReasonAndWritesNothing() throws IOException {
        Climber climber = new Climbers(http).verified("bomb");
        byte[] bomb = bomb();
        assertThat(bomb.length).isLessThan(1024 * 1024);

        Map<String, Object> result = new LogbookImports(http).upload(climber, bomb, "logbook.xlsx", null);

        assertThat(result.get("status")).isEqualTo("failed");
        assertThat(result.get("error").toString()).contains("unpacks to more than 60 MB");
        DatabaseRows rows = new DatabaseRows(db);
        assertThat(rows.count("SELECT count(*) FROM logbook.tick t JOIN identity.account u ON u.id = t.owner_id "
                + "WHERE u.username = :name", Map.of("name", climber.username()))).isZero();
        assertThat(rows.count("SELECT count(*) FROM platform.job WHERE payload->>'importId' = :id AND attempts = 1",
                Map.of("id", result.get("id").toString()))).as("the import's job, run once").isEqualTo(1);
        assertThat(rows.count("SELECT count(*) FROM platform.job WHERE payload->>'importId' = :id AND attempts > 1",
                Map.of("id", result.get("id").toString()))).as("retries").isZero();
        // And the server still serves the climber.
        http.get().uri("/api/v1/logbook/ticks").header(HttpHeaders.AUTHORIZATION, climber.bearer())
                .exchange().expectStatus().isOk();
    }

    private static byte[] bomb() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook><sheets><sheet name=\"Ticks\" sheetId=\"1\"/></sheets></workbook>"
                    .getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(("<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Date</t></is></c>"
                    + "<c r=\"B1\" t=\"inlineStr\"><is><t>Route</t></is></c></row>").getBytes(StandardCharsets.US_ASCII));
            byte[] blankRows = "<row/>".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written < 390L * 1024 * 1024; written += blankRows.length) {
                zip.write(blankRows);
            }
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
