package dev.cruxlog.logbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.LogbookImports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Imports write new ticks with COPY's text format, where tabs, new lines, backslashes and
 * {@code \N} mean something. A climber's text containing any of them must come back exactly.
 */
@CruxlogIntegrationTest
class CopyImportFidelityTest {

    @Autowired
    WebTestClient http;

    @Test
    void textThatLooksLikeCopySyntaxComesBackExactly() {
        Climber climber = new Climbers(http).verified("copy-fidelity");
        String note = "Tab\there, C:\\beta\\N and \\N alone, \"quoted\", back\\\\slashes,\nsecond line, ümlaut, 🧗";
        String csv = """
                Date,Route,Rating,Notes,URL,Pitches,Location,"Avg Stars","Your Stars",Style,"Lead Style","Route Type","Your Rating",Length,"Rating Code"
                2023-06-01,"Back\\slash ""Arête"" \\N",5.10a,"%s",https://www.mountainproject.com/route/1/x,1,"Wall \\ ""One"" > Crag, with comma > {Braces}",2.8,-1,Lead,Onsight,Sport,,80,2000
                2023-06-02,"Plain",5.9,,https://www.mountainproject.com/route/2/y,1,"A > B",,-1,Lead,Redpoint,Sport,,,1800
                """.formatted(note.replace("\"", "\"\""));

        Map<String, Object> result = new LogbookImports(http).upload(climber, csv.getBytes(StandardCharsets.UTF_8),
                "ticks.csv", null);
        assertThat(result.get("status")).isEqualTo("succeeded");
        assertThat(result.get("ticksAdded")).isEqualTo(2);

        List<Map<String, Object>> ticks = new LogbookImports(http).ticks(climber);
        Map<String, Object> hostile = ticks.stream().filter(t -> t.get("date").equals("2023-06-01")).findFirst().orElseThrow();
        assertThat(hostile.get("route")).isEqualTo("Back\\slash \"Arête\" \\N");
        assertThat(hostile.get("notes")).isEqualTo(note);
        assertThat(hostile.get("locationPath")).isEqualTo(List.of("Wall \\ \"One\"", "Crag, with comma", "{Braces}"));
        assertThat(hostile.get("lengthFt")).isEqualTo(80);
        assertThat(hostile.get("send")).isEqualTo(true);
        assertThat(hostile.get("tags")).isEqualTo(List.of());

        Map<String, Object> plain = ticks.stream().filter(t -> t.get("date").equals("2023-06-02")).findFirst().orElseThrow();
        assertThat(plain.get("notes")).isNull();
        assertThat(plain.get("lengthFt")).isNull();
        assertThat(plain.get("routeStars")).isNull();
        assertThat(plain.get("locationPath")).isEqualTo(List.of("A", "B"));

        String export = http.get().uri("/api/v1/logbook/export?format=csv").header("Authorization", climber.bearer())
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(export).contains(note.replace("\"", "\"\""));
    }
}
