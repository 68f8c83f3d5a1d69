package dev.cruxlog.logbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import dev.cruxlog.support.LogbookImports;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetric;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * The ticks page's items are written from the database driver's own buffer (R2dbcTicks.pageJson,
 * no copy): every page must give that buffer back, served or abandoned. Measured on the JVM's
 * pooled direct memory, which every other test's requests use too, so this class runs alone.
 */
@CruxlogIntegrationTest
@Isolated("measures the JVM's pooled direct memory, which every other test's requests use too")
class TickPageDirectMemoryTest {

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    /**
     * The page's items are the database driver's own buffer, written without a copy; the
     * response must give it back. A page of 200 ticks holds about 130 KB of the driver's direct
     * memory, so four hundred pages that kept theirs would hold 52 MB; given back, the pool's
     * direct memory in use stays where it was.
     */
    @Test
    void everyPageGivesTheDriversBufferBackOnceWritten() {
        Climber climber = new Climbers(http).verified("pagejson-bufs");
        new LogbookImports(http).importShared(climber, "mountain-project/ticks-sport-trad-567.csv");
        assertThat(ByteBufAllocator.DEFAULT).isInstanceOf(ByteBufAllocatorMetricProvider.class);
        ByteBufAllocatorMetric pool = ((ByteBufAllocatorMetricProvider) ByteBufAllocator.DEFAULT).metric();
        for (int i = 0; i < 50; i++) {
            firstPageOf200(climber);
        }
        long before = pool.usedDirectMemory();
        // Four at a time, as a browser's tabs or a client's workers would ask: this class runs
        // alone, and one at a time left a core idle for its whole run.
        List<Integer> sizes = Flux.range(0, 400)
                .flatMap(i -> Mono.fromCallable(() -> firstPageOf200(climber).size()).subscribeOn(Schedulers.boundedElastic()), 4)
                .collectList().block(Duration.ofSeconds(120));
        assertThat(sizes).hasSize(400).containsOnly(200);
        assertThat(pool.usedDirectMemory() - before).as("direct memory held after 400 pages").isLessThan(16L << 20);

        // Clients that go away before reading the answer: the page is released on the write's
        // failure or cancellation too.
        for (int i = 0; i < 300; i++) {
            try (Socket socket = new Socket("localhost", port)) {
                socket.getOutputStream().write(("GET /api/v1/logbook/ticks?limit=200 HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: " + climber.bearer() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        // The abandoned requests queue for the connection pool; until they have drained, a page
        // may be turned away with 503 once its acquire timeout passes (what an overloaded
        // instance answers: CI's slower machine met it). Twenty pages served means they drained.
        int served = 0;
        for (int attempt = 0; attempt < 200 && served < 20; attempt++) {
            if (http.get().uri("/api/v1/logbook/ticks?limit=200").header("Authorization", climber.bearer()).exchange()
                    .expectBody().returnResult().getStatus().value() == 200) {
                served++;
            }
        }
        assertThat(served).as("pages served after the abandoned ones").isEqualTo(20);
        assertThat(pool.usedDirectMemory() - before).as("direct memory held after 300 abandoned pages").isLessThan(16L << 20);
    }

    private JsonNode firstPageOf200(Climber climber) {
        return http.get().uri("/api/v1/logbook/ticks?limit=200").header("Authorization", climber.bearer()).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("items");
    }
}
