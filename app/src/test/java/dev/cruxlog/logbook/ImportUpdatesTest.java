package dev.cruxlog.logbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.SharedExports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** A newer export: new rows are added, rows changed at the source updated, laps kept apart. */
@CruxlogIntegrationTest
class ImportUpdatesTest {

    @Autowired
    WebTestClient http;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Import(String id, String status, int ticksAdded, int ticksUpdated, int ticksUnchanged) {
    }

    @Test
    void aNewerExportAddsNewTicksUpdatesChangedOnesAndKeepsTwoLapsAsTwoTicks() {
        Climber climber = new Climbers(http).verified("newer-export");
        String original = new String(SharedExports.bytes("mountain-project/ticks-small-4.csv"), StandardCharsets.UTF_8);
        Import first = importAndFollow(climber, original.getBytes(StandardCharsets.UTF_8));
        assertThat(first.ticksAdded()).isEqualTo(4);

        String[] lines = original.split("\n");
        String lap = "2023-06-02,\"Small World\",V3,,https://www.mountainproject.com/route/122478521/small-world,1,"
                + "\"New York > The Gunks > Near Trapps Bouldering > Area 2 (Cream Cheese)\",2.8,-1,Send,,Boulder,,10,20300";
        // The 50-50 tick changed at the source (its average stars), two laps of Small World were added.
        String changed = lines[2].replace("1.6,-1", "1.7,-1");
        String newer = String.join("\n", lines[0], lines[1], changed, lines[3], lines[4].stripTrailing(), lap, lap) + "\n";
        Import second = importAndFollow(climber, newer.getBytes(StandardCharsets.UTF_8));
        assertThat(second.ticksAdded()).isEqualTo(2);
        assertThat(second.ticksUpdated()).isEqualTo(1);
        assertThat(second.ticksUnchanged()).isEqualTo(3);
    }

    private Import importAndFollow(Climber climber, byte[] content) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "ticks.csv";
            }
        });
        Import started = http.post().uri("/api/v1/logbook/imports").header("Authorization", climber.bearer())
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build()))
                .exchange().expectStatus().isAccepted().expectBody(Import.class).returnResult().getResponseBody();
        List<ServerSentEvent<Import>> events = http.get().uri("/api/v1/logbook/imports/" + started.id() + "/events")
                .header("Authorization", climber.bearer()).accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Import>>() { })
                .getResponseBody().take(Duration.ofSeconds(60)).collectList().block(Duration.ofSeconds(90));
        assertThat(events).isNotEmpty();
        ServerSentEvent<Import> last = events.get(events.size() - 1);
        assertThat(last.event()).isEqualTo("done");
        assertThat(last.data().status()).isEqualTo("succeeded");
        return last.data();
    }
}
