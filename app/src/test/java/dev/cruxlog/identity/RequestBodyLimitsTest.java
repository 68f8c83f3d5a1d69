package dev.cruxlog.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.cruxlog.CruxlogIntegrationTest;
import dev.cruxlog.platform.web.WebLimits;
import dev.cruxlog.support.Browser;
import dev.cruxlog.support.Climbers;
import dev.cruxlog.support.Climbers.Climber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webflux.autoconfigure.ReactiveMultipartProperties;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * Issue #15, high 1: no request can make the server hold more than one capped body, and an
 * anonymous one cannot make it read a multipart body at all. The body probes below record
 * whether (and how far) the server read them, so the tests show what was held without timing
 * anything or measuring the heap.
 */
@CruxlogIntegrationTest
class RequestBodyLimitsTest {

    private static final String BOUNDARY = "cruxlog-test-boundary";
    private static final MediaType MULTIPART = MediaType.parseMediaType("multipart/form-data; boundary=" + BOUNDARY);
    private static final int MB = 1024 * 1024;

    @Autowired
    HttpHandler server;

    @Autowired
    WebTestClient http;

    @Autowired
    WebLimits limits;

    @LocalServerPort
    int port;

    @Autowired
    ReactiveMultipartProperties multipart;

    @Test
    void theLimitsThatBoundWhatOneRequestHoldsAreConfigured() {
        assertThat(limits.maxRequestSize()).isEqualTo(DataSize.ofMegabytes(21));
        assertThat(multipart.getMaxParts()).isEqualTo(8);
        assertThat(multipart.getMaxInMemorySize()).isEqualTo(DataSize.ofMegabytes(21));
    }

    @Test
    void anAnonymousMultipartPostWithACsrfCookieIsRefusedWithItsBodyUnread() {
        // The attack: any XSRF-TOKEN cookie, no header, a large multipart body.
        Probe body = new Probe(3, MB);
        MockServerHttpRequest request = MockServerHttpRequest.post("/logbook/import")
                .cookie(new HttpCookie("XSRF-TOKEN", "chosen-by-the-attacker"))
                .contentType(MULTIPART)
                .body(body.flux());
        MockServerHttpResponse response = new MockServerHttpResponse();

        StepVerifier.create(server.handle(request, response)).verifyComplete();

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(body.subscribed).as("the multipart body was read before authentication").isFalse();
    }

    @Test
    void aDeclaredLengthOverTheCapIsAnswered413WithTheBodyUnread() {
        Probe body = new Probe(1, MB);
        MockServerHttpRequest request = MockServerHttpRequest.post("/api/v1/logbook/imports")
                .header(HttpHeaders.CONTENT_LENGTH, String.valueOf(60L * 20 * MB))
                .contentType(MULTIPART)
                .body(body.flux());
        MockServerHttpResponse response = new MockServerHttpResponse();

        StepVerifier.create(server.handle(request, response)).verifyComplete();

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().getFirst("X-Request-Id")).isNotBlank();
        assertThat(body.subscribed).isFalse();
    }

    @Test
    void aBodyWithoutALengthIsCutAtTheCapNotReadToTheEnd() {
        // A signed-in page upload without its token: the CSRF check reads every part looking
        // for the field. Two 15 MB parts (each within the per-part limit), streamed without
        // Content-Length (chunked): reading stops at 21 MB and the answer is 413.
        Browser browser = signedIn("chunked");
        Probe body = new Probe(2, 15 * MB);
        MockServerHttpRequest.BodyBuilder request = MockServerHttpRequest.post("/logbook/import").contentType(MULTIPART);
        browser.cookies().forEach((name, value) -> request.cookie(new HttpCookie(name, value)));
        MockServerHttpResponse response = new MockServerHttpResponse();

        StepVerifier.create(server.handle(request.body(body.flux()), response)).verifyComplete();

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(body.emittedBytes.get()).as("bytes the server pulled")
                .isGreaterThan(limits.maxRequestSize().toBytes())
                .isLessThanOrEqualTo(limits.maxRequestSize().toBytes() + 2L * MB);
    }

    @Test
    void overTheWireA413ComesBeforeTheBodyIsSent() throws IOException {
        // Headers announcing 1.2 GB and not one byte of body: the answer arrives anyway.
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /logbook/import HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
                    + "Cookie: XSRF-TOKEN=chosen-by-the-attacker\r\n"
                    + "Content-Length: " + 60L * 20 * MB + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertThat(statusLine).startsWith("HTTP/1.1 413 ");
        }
    }

    @Test
    void tooManyPartsIsA400AndTheServerStaysUsable() {
        Climber climber = new Climbers(http).verified("parts");
        // Nine small parts: one more than an upload ever has.
        http.post().uri("/api/v1/logbook/imports")
                .header(HttpHeaders.AUTHORIZATION, climber.bearer())
                .contentType(MULTIPART)
                .bodyValue(multipartBody(9, 10))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("Too many parts"));
        http.get().uri("/api/v1/logbook/ticks").header(HttpHeaders.AUTHORIZATION, climber.bearer())
                .exchange().expectStatus().isOk();
    }

    @Test
    void aSignedInUploadFormStillCarriesItsTokenAsAPart() {
        Browser browser = signedIn("formtoken");
        String csrf = browser.get("/logbook/import").document().select("#upload-form input[name=_csrf]").attr("value");
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"t.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nDate,Route,Rating\r\n2024-05-01,Test Route,5.10a\r\n"
                + "--" + BOUNDARY + "--\r\n";
        http.post().uri("/logbook/import").accept(MediaType.TEXT_HTML)
                .cookies(jar -> browser.cookies().forEach(jar::add))
                .contentType(MULTIPART).bodyValue(body.getBytes(StandardCharsets.UTF_8))
                .exchange().expectStatus().isSeeOther();
        // Without the field, the same signed-in upload is refused.
        String withoutToken = body.substring(body.indexOf("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\""));
        http.post().uri("/logbook/import").accept(MediaType.TEXT_HTML)
                .cookies(jar -> browser.cookies().forEach(jar::add))
                .contentType(MULTIPART).bodyValue(withoutToken.getBytes(StandardCharsets.UTF_8))
                .exchange().expectStatus().isForbidden();
    }

    private Browser signedIn(String name) {
        Climber climber = new Climbers(http).verified(name);
        Browser browser = new Browser(http);
        browser.get("/signin");
        browser.post("/signin", Map.of("login", climber.username(), "password", climber.password()));
        return browser;
    }

    private static byte[] multipartBody(int parts, int bytesEach) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            body.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"field").append(i)
                    .append("\"\r\n\r\n").append("x".repeat(bytesEach)).append("\r\n");
        }
        return body.append("--").append(BOUNDARY).append("--\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A multipart body of {@code parts} file parts of {@code bytesEach}, made in 1 MB chunks as
     * it is read, recording whether and how far it was read.
     */
    private static final class Probe {

        final int parts;
        final int bytesEach;
        volatile boolean subscribed;
        final AtomicLong emittedBytes = new AtomicLong();

        Probe(int parts, int bytesEach) {
            this.parts = parts;
            this.bytesEach = bytesEach;
        }

        Flux<DataBuffer> flux() {
            Flux<byte[]> chunks = Flux.range(0, parts)
                    .concatMap(i -> Flux.concat(
                            Flux.just(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f" + i + ".csv\"\r\nContent-Type: text/csv\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII)),
                            Flux.range(0, bytesEach / MB).map(n -> filled(MB)),
                            Flux.just("\r\n".getBytes(StandardCharsets.US_ASCII))))
                    .concatWith(Flux.just(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII)));
            return chunks
                    .doOnSubscribe(subscription -> subscribed = true)
                    .map(chunk -> {
                        emittedBytes.addAndGet(chunk.length);
                        return DefaultDataBufferFactory.sharedInstance.wrap(chunk);
                    });
        }

        private static byte[] filled(int size) {
            byte[] chunk = new byte[size];
            Arrays.fill(chunk, (byte) 'a');
            return chunk;
        }
    }
}
