package dev.cruxlog.logbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.LogbookImports;
import dev.cruxlog.support.SharedExports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue #16: searching for "Red River Gorge" found nothing although the 567-tick export has
 * dozens of ticks there: the shown location is "Crag, Kentucky", and only it was searched. The
 * known answer is the number of the file's rows whose Location names the area at any level.
 */
@CruxlogIntegrationTest
class LocationSearchTest {

    @Autowired
    WebTestClient http;

    @Test
    void aSearchFindsEveryTickAtAnyLevelOfItsPlace() throws Exception {
        byte[] file = SharedExports.bytes("mountain-project/ticks-sport-trad-567.csv");
        long expected;
        try (CSVReader reader = new CSVReaderBuilder(new InputStreamReader(new ByteArrayInputStream(file), StandardCharsets.UTF_8))
                .withCSVParser(new RFC4180ParserBuilder().build()).build()) {
            List<String[]> rows = reader.readAll();
            int location = List.of(rows.get(0)).indexOf("Location");
            expected = rows.subList(1, rows.size()).stream()
                    .filter(row -> row[location].toLowerCase().contains("red river gorge")).count();
        }
        assertThat(expected).as("the file has ticks there").isGreaterThan(20);

        Climber climber = new Climbers(http).verified("search-places");
        new LogbookImports(http).upload(climber, file, "ticks.csv", null);
        int found = 0;
        Object cursor = null;
        do {
            var page = http.get().uri("/api/v1/logbook/ticks?q=red+river+gorge&limit=200" + (cursor == null ? "" : "&cursor=" + cursor))
                    .header("Authorization", climber.bearer()).exchange().expectStatus().isOk()
                    .expectBody(java.util.Map.class).returnResult().getResponseBody();
            found += ((List<?>) page.get("items")).size();
            cursor = page.get("nextCursor");
        } while (cursor != null);
        assertThat(found).isEqualTo(expected);
    }
}
