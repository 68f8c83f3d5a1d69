package dev.cruxlog.identity.adapter.out.pwnedpasswords;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import dev.cruxlog.identity.application.BreachedPasswords.Verdict;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The Pwned Passwords range API as it answers (upper-case suffixes, CRLF lines, zero-count
 * padding), from a local peer: what leaves the process, what counts as breached, and that a
 * peer that is down, slow, huge or confused lets the password through instead of failing.
 */
class PwnedPasswordsRangeTest {

    private static final String PASSWORD = "correct horse battery staple";

    private MockWebServer peer;
    private PwnedPasswordsRange range;

    @BeforeEach
    void start() throws IOException {
        peer = new MockWebServer();
        peer.start();
        range = new PwnedPasswordsRange(WebClient.builder(), peer.url("/").toString(), Duration.ofSeconds(2),
                PwnedPasswordsRange.MAX_RESPONSE_BYTES);
    }

    @AfterEach
    void stop() throws IOException {
        peer.shutdown();
    }

    @Test
    void onlyTheFirstFiveCharactersOfTheHashLeaveAndAListedSuffixIsABreach() throws Exception {
        String hash = sha1(PASSWORD);
        peer.enqueue(new MockResponse().setBody(padding(400) + hash.substring(5) + ":3861\r\n" + padding(400)));

        assertThat(range.check(PASSWORD).block(Duration.ofSeconds(5))).isEqualTo(Verdict.BREACHED);

        RecordedRequest request = peer.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getPath()).isEqualTo("/range/" + hash.substring(0, 5));
        assertThat(request.getHeader("Add-Padding")).isEqualTo("true");
        String everythingSent = request.getRequestLine() + request.getHeaders() + request.getBody().readUtf8();
        assertThat(everythingSent).doesNotContain(hash.substring(5)).doesNotContain("horse");
    }

    @Test
    void aSuffixListedOnlyAsPaddingOrNotAtAllIsNoBreach() {
        String hash = sha1(PASSWORD);
        peer.enqueue(new MockResponse().setBody(padding(10) + hash.substring(5) + ":0\r\n"));
        peer.enqueue(new MockResponse().setBody(padding(800)));
        peer.enqueue(new MockResponse().setBody(hash.substring(5, 20) + ":12\r\nnot a line at all\r\n:\r\n" + hash.substring(5) + ":lots\r\n"));

        assertThat(range.check(PASSWORD).block(Duration.ofSeconds(5))).isEqualTo(Verdict.NOT_FOUND);
        assertThat(range.check(PASSWORD).block(Duration.ofSeconds(5))).isEqualTo(Verdict.NOT_FOUND);
        assertThat(range.check(PASSWORD).block(Duration.ofSeconds(5))).isEqualTo(Verdict.NOT_FOUND);
    }

    @Test
    void aPeerThatIsDownSlowOrEndlessLetsThePasswordThroughUnknown() throws IOException {
        peer.enqueue(new MockResponse().setResponseCode(503));
        assertThat(range.check(PASSWORD).block(Duration.ofSeconds(5))).isEqualTo(Verdict.UNKNOWN);

        // More than the limit is never held: the read stops at 256 KB.
        peer.enqueue(new MockResponse().setBody(padding(20_000)));
        assertThat(range.check(PASSWORD).block(Duration.ofSeconds(5))).isEqualTo(Verdict.UNKNOWN);

        peer.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        PwnedPasswordsRange impatient = new PwnedPasswordsRange(WebClient.builder(), peer.url("/").toString(),
                Duration.ofMillis(300), PwnedPasswordsRange.MAX_RESPONSE_BYTES);
        assertThat(impatient.check(PASSWORD).block(Duration.ofSeconds(5))).isEqualTo(Verdict.UNKNOWN);

        peer.shutdown();
        assertThat(range.check(PASSWORD).block(Duration.ofSeconds(5))).isEqualTo(Verdict.UNKNOWN);
    }

    /** Zero-count decoys, as the API pads its answers. */
    private static String padding(int lines) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            body.append(String.format("%035X", (long) i * 7919 + 1)).append(":0\r\n");
        }
        return body.toString();
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().withUpperCase().formatHex(
                    MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
