package dev.cruxlog.identity.adapter.out.pwnedpasswords;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import dev.cruxlog.identity.application.BreachedPasswords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Have I Been Pwned's Pwned Passwords range API (k-anonymity): only the first five hex
 * characters of the password's SHA-1 are sent; the answer lists every breached suffix under
 * that prefix, padded with zero-count decoys ({@code Add-Padding}) so its size says nothing
 * either. The match is made here.
 *
 * <p>Fails open: a corpus that is down, slow (past {@code timeout}) or answers nonsense must not
 * stop people from signing up or changing a password; the miss is logged and the policy's own
 * list of common passwords still applies. A response is read up to {@code maxResponseBytes}
 * (a real one is about 40 KB), so a hostile or broken peer cannot make it hold more.
 */
public class PwnedPasswordsRange implements BreachedPasswords, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PwnedPasswordsRange.class);

    /** A real answer is about 40 KB with padding (some 800 to 1,000 lines of 40 bytes). */
    public static final int MAX_RESPONSE_BYTES = 256 * 1024;

    /** Enough for sign-ups and password changes; more waiting than this is a flood, answered UNKNOWN at once. */
    static final int MAX_CONNECTIONS = 16;
    static final int MAX_WAITING = 64;

    private final WebClient client;
    private final Duration timeout;
    private final ConnectionProvider connections;

    public PwnedPasswordsRange(WebClient.Builder builder, String baseUrl, Duration timeout, int maxResponseBytes) {
        // A pool of its own: a slow or flooded corpus must not take the connections the coach,
        // imports and billing share, and theirs must not starve this lookup into failing open.
        this.connections = ConnectionProvider.builder("pwned-passwords")
                .maxConnections(MAX_CONNECTIONS)
                .pendingAcquireMaxCount(MAX_WAITING)
                .pendingAcquireTimeout(timeout)
                .build();
        this.client = builder.clone().baseUrl(baseUrl)
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections).responseTimeout(timeout)))
                .defaultHeader("Add-Padding", "true")
                .defaultHeader("User-Agent", "Cruxlog password check")
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(maxResponseBytes))
                .build();
        this.timeout = timeout;
    }

    @Override
    public Mono<Verdict> check(String password) {
        String hash = sha1Hex(password);
        String prefix = hash.substring(0, 5);
        String suffix = hash.substring(5);
        return client.get().uri("/range/{prefix}", prefix)
                .retrieve()
                .bodyToMono(String.class)
                .defaultIfEmpty("")
                .map(body -> listed(body, suffix) ? Verdict.BREACHED : Verdict.NOT_FOUND)
                .timeout(timeout)
                .onErrorResume(error -> {
                    // The kind of failure only: the message would carry the URL, and with it the hash prefix.
                    log.warn("Pwned Passwords could not be asked ({}); the new password was checked against the "
                            + "common-password list only", error instanceof WebClientResponseException response
                            ? "HTTP " + response.getStatusCode().value() : error.getClass().getSimpleName());
                    return Mono.just(Verdict.UNKNOWN);
                });
    }

    @Override
    public void close() {
        connections.dispose();
    }

    /** Lines of "SUFFIX:COUNT"; padding lines have a count of 0 and are not breaches. */
    static boolean listed(String body, String suffix) {
        int start = 0;
        while (start < body.length()) {
            int end = body.indexOf('\n', start);
            if (end < 0) {
                end = body.length();
            }
            int colon = body.indexOf(':', start);
            if (colon > start && colon < end && colon - start == suffix.length()
                    && body.regionMatches(true, start, suffix, 0, suffix.length())) {
                String count = body.substring(colon + 1, end).trim();
                return count.matches("[0-9]{1,12}") && Long.parseLong(count) > 0;
            }
            start = end + 1;
        }
        return false;
    }

    private static String sha1Hex(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }
}
