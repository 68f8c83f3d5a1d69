package dev.cruxlog.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The codes of two-step sign-in, against the RFCs' own test vectors. */
class TwoStepRulesTest {

    /** RFC 6238 appendix B's SHA-1 key, "12345678901234567890". */
    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void codesAreRfc6238sVectorsCutToSixDigits() {
        // Appendix B gives eight digits; an authenticator app shows the last six.
        assertThat(Totp.code(RFC_KEY, Totp.stepAt(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.code(RFC_KEY, Totp.stepAt(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
        assertThat(Totp.code(RFC_KEY, Totp.stepAt(Instant.ofEpochSecond(1111111111)))).isEqualTo("050471");
        assertThat(Totp.code(RFC_KEY, Totp.stepAt(Instant.ofEpochSecond(1234567890)))).isEqualTo("005924");
        assertThat(Totp.code(RFC_KEY, Totp.stepAt(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
        assertThat(Totp.code(RFC_KEY, Totp.stepAt(Instant.ofEpochSecond(20000000000L)))).isEqualTo("353130");
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideAndNeverForAStepAlreadyUsed() {
        Instant now = Instant.ofEpochSecond(1111111111);
        long step = Totp.stepAt(now);
        for (long offset = -1; offset <= 1; offset++) {
            assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step + offset), now, 0)).hasValue(step + offset);
        }
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 2), now, 0)).isEmpty();
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step + 2), now, 0)).isEmpty();
        // Used (or an earlier step used after it): refused, so a code seen over a shoulder is worth nothing.
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step), now, step)).isEmpty();
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 1), now, step)).isEmpty();
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step + 1), now, step)).hasValue(step + 1);
        assertThat(Totp.matchingStep(RFC_KEY, "000000", now, 0).isPresent())
                .isEqualTo(Totp.code(RFC_KEY, step - 1).equals("000000") || Totp.code(RFC_KEY, step).equals("000000")
                        || Totp.code(RFC_KEY, step + 1).equals("000000"));
    }

    @Test
    void base32IsRfc4648sWithoutPadding() {
        String[][] vectors = {{"", ""}, {"f", "MY"}, {"fo", "MZXQ"}, {"foo", "MZXW6"}, {"foob", "MZXW6YQ"},
                {"fooba", "MZXW6YTB"}, {"foobar", "MZXW6YTBOI"}};
        for (String[] vector : vectors) {
            assertThat(Base32.encode(vector[0].getBytes(StandardCharsets.US_ASCII))).isEqualTo(vector[1]);
        }
    }

    @Test
    void theKeyUriNamesTheIssuerAndTheAccountForTheApp() {
        assertThat(Totp.keyUri("Cruxlog", "ada lovelace", RFC_KEY)).isEqualTo(
                "otpauth://totp/Cruxlog:ada%20lovelace?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Cruxlog"
                        + "&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void recoveryCodesCarry120BitsAndMatchHoweverTheyAreTyped() {
        byte[] random = new byte[RecoveryCodes.RANDOM_BYTES];
        for (int i = 0; i < random.length; i++) {
            random[i] = (byte) (i * 37 + 11);
        }
        String code = RecoveryCodes.format(random);
        assertThat(code).matches("[a-z2-7]{6}-[a-z2-7]{6}-[a-z2-7]{6}-[a-z2-7]{6}");
        assertThat(RecoveryCodes.CHARACTERS * 5).isGreaterThanOrEqualTo(112);

        SecondFactorCode typed = SecondFactorCode.parse(" " + code.toUpperCase().replace('-', ' ') + " ").orElseThrow();
        assertThat(typed).isInstanceOf(SecondFactorCode.Recovery.class);
        assertThat(((SecondFactorCode.Recovery) typed).hash()).isEqualTo(RecoveryCodes.hash(code));
    }

    @Test
    void whatIsTypedIsADigitCodeARecoveryCodeOrNothingLookedUp() {
        assertThat(SecondFactorCode.parse("123 456")).containsInstanceOf(SecondFactorCode.TimeBased.class);
        assertThat(SecondFactorCode.parse("123-456").map(code -> ((SecondFactorCode.TimeBased) code).digits())).contains("123456");
        assertThat(SecondFactorCode.parse("12345")).isEmpty();
        assertThat(SecondFactorCode.parse("1234567")).isEmpty();
        assertThat(SecondFactorCode.parse("abcdef-ghijkl-mnopqr-stuvw1")).isEmpty();
        assertThat(SecondFactorCode.parse("7".repeat(10_000))).isEmpty();
        assertThat(SecondFactorCode.parse(null)).isEmpty();
    }
}
