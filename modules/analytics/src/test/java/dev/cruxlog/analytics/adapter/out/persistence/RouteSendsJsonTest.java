package dev.cruxlog.analytics.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import dev.cruxlog.logbook.LogbookStatistics.RouteSend;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

class RouteSendsJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final RouteSendsJson codec = new RouteSendsJson(json);

    /** The sends as the figures' document writes them: the next value of a generator. */
    private String written(List<RouteSend> sends) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = json.createGenerator(out)) {
            codec.write(generator, sends);
        }
        return out.toString();
    }

    @Test
    void everyComponentSurvivesTheRoundTripNullsAndQuotesIncluded() {
        List<RouteSend> sends = List.of(
                new RouteSend("https://www.mountainproject.com/route/105/moonlight", "Moonlight \"Direct\"", "Zion, Utah",
                        LocalDate.of(2024, 5, 1), "5.11d", 170, 17, "redpoint", 7, 3, 2),
                new RouteSend("n.n.|fontainebleau", "N.N.", null, null, "7A", 310, 31, "flash", 1, 1, 1));

        String written = written(sends);

        assertThat(codec.read(written.getBytes(StandardCharsets.UTF_8))).isEqualTo(sends);
        assertThat(written).startsWith("[[\"https://www.mountainproject.com/route/105/moonlight\",\"Moonlight \\\"Direct\\\"\"");
    }

    @Test
    void anEmptyListIsAnEmptyArray() {
        assertThat(written(List.of())).isEqualTo("[]");
        assertThat(codec.read("[]".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void aDocumentOfAnotherShapeIsRefusedNotGuessed() {
        byte[] objects = "[{\"routeKey\":\"a\"}]".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.read(objects)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not in the expected shape");
    }
}
