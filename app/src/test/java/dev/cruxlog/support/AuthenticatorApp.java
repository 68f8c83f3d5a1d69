package dev.cruxlog.support;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cruxlog.identity.domain.Totp;
import dev.cruxlog.support.Climbers.Climber;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What a climber's authenticator app does: holds the key the set-up shows (base32) and
 * computes its codes. Also turns two-step sign-in on through the API, as a client would.
 */
public final class AuthenticatorApp {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final byte[] key;

    public AuthenticatorApp(String base32Key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : base32Key.replace(" ", "").toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("Not base32: " + c);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >>> (bits - 8)) & 0xFF);
                bits -= 8;
            }
        }
        this.key = out.toByteArray();
    }

    public byte[] key() {
        return key.clone();
    }

    /** The code the app shows now. */
    public String codeNow() {
        return Totp.code(key, Totp.stepAt(Instant.now()));
    }

    /**
     * The next step's code: still accepted (one step of drift), and later than any step used so
     * far in this step, so a test can sign in again without waiting 30 s.
     */
    public String codeOfNextStep() {
        return Totp.code(key, Totp.stepAt(Instant.now()) + 1);
    }

    /** Six digits that match none of the steps a code could be accepted for. */
    public String wrongCode() {
        long now = Totp.stepAt(Instant.now());
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            boolean valid = false;
            for (long step = now - 2; step <= now + 2; step++) {
                valid |= Totp.code(key, step).equals(code);
            }
            if (!valid) {
                return code;
            }
        }
    }

    public record SetUp(String key, String keyUri) {
    }

    public record RecoveryCodes(List<String> recoveryCodes) {
    }

    /** Two-step sign-in turned on through the API: the app and the recovery codes. */
    public record TurnedOn(AuthenticatorApp app, List<String> recoveryCodes) {
    }

    public static SetUp startSetUp(WebTestClient http, Climber climber) {
        return http.post().uri("/api/v1/users/me/two-step/setup").header("Authorization", climber.bearer())
                .exchange().expectStatus().isCreated()
                .expectBody(SetUp.class).returnResult().getResponseBody();
    }

    /** Set up and confirmed; every earlier session and token of the climber has ended with it. */
    public static TurnedOn turnOn(WebTestClient http, Climber climber) {
        AuthenticatorApp app = new AuthenticatorApp(startSetUp(http, climber).key());
        List<String> codes = http.post().uri("/api/v1/users/me/two-step/confirm").header("Authorization", climber.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("password", climber.password(), "code", app.codeNow()))
                .exchange().expectStatus().isOk()
                .expectBody(RecoveryCodes.class).returnResult().getResponseBody().recoveryCodes();
        return new TurnedOn(app, codes);
    }

    /** The problem body of a password accepted for an account that also asks for a code. */
    public record SecondStepProblem(String type, String challenge, @JsonProperty("expires_in") Long expiresIn) {
    }
}
