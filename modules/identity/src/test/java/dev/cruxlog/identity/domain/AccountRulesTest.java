package dev.cruxlog.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountRulesTest {

    private final PasswordPolicy policy = new PasswordPolicy(Set.of("password123", "iloveyou1")::contains);

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery", "12345678é", "ünïcødé pass", "🧗🧗🧗🧗🧗🧗🧗🧗"})
    void acceptsAnyCharactersFromEightUp(String password) {
        assertThatCode(() -> policy.check("password", password)).doesNotThrowAnyException();
    }

    @Test
    void countsCodePointsNotUtf16Units() {
        assertThatThrownBy(() -> policy.check("password", "🧗🧗🧗🧗🧗🧗🧗")).hasMessageContaining("at least 8");
    }

    @Test
    void refusesShortLongCommonAndPersonalPasswords() {
        assertThatThrownBy(() -> policy.check("password", "short")).isInstanceOf(InvalidAccountInput.class);
        assertThatThrownBy(() -> policy.check("password", "x".repeat(129))).hasMessageContaining("at most 128");
        assertThatCode(() -> policy.check("password", "🧗".repeat(128))).doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.check("password", "tab\tinside it")).hasMessageContaining("control characters");
        assertThatThrownBy(() -> policy.check("password", "\u0001sha256:abcdefgh")).hasMessageContaining("control characters");
        assertThatThrownBy(() -> policy.check("password", "PassWord123")).hasMessageContaining("most common");
        assertThatThrownBy(() -> policy.check("password", "climber-alex", "climber-alex")).hasMessageContaining("username");
        assertThat(catchField(() -> policy.check("newPassword", "short"))).isEqualTo("newPassword");
    }

    @Test
    void refusesTheSitesOwnWordsAndTheClimbersNamesDressedUpButNotPhrasesHoldingThem() {
        assertThatThrownBy(() -> policy.check("password", "Cruxlog2024!")).hasMessageContaining("\"cruxlog\"");
        assertThatThrownBy(() -> policy.check("password", "Bouldering-123")).hasMessageContaining("\"bouldering\"")
                .satisfies(e -> assertThat(PasswordPolicy.CONTEXT_WORDS).contains("bouldering"));
        assertThatThrownBy(() -> policy.check("password", "Ada.Lovelace1815", "ada_l", "ada.lovelace@example.com"))
                .hasMessageContaining("email");
        assertThatThrownBy(() -> policy.check("password", "ada_l-2024", "ada_l", "someone@example.com"))
                .hasMessageContaining("username");
        assertThatCode(() -> policy.check("password", "first climbing trip to Font", "ada_l", "ada@example.com"))
                .doesNotThrowAnyException();
        assertThatCode(() -> policy.check("password", "adaclimbsgrit", "ada", "ada@example.com"))
                .doesNotThrowAnyException();
    }

    @Test
    void emailsAndUsernamesCompareIgnoringCase() {
        assertThat(new EmailAddress("  Alex@Example.COM ").normalized()).isEqualTo("alex@example.com");
        assertThat(new Username("Alex_Honnold").normalized()).isEqualTo("alex_honnold");
        assertThatThrownBy(() -> new EmailAddress("not-an-email")).isInstanceOf(InvalidAccountInput.class);
        assertThatThrownBy(() -> new Username("a")).isInstanceOf(InvalidAccountInput.class);
        assertThatThrownBy(() -> new Username("bad name!")).isInstanceOf(InvalidAccountInput.class);
    }

    @Test
    void severalBrokenFieldsTravelAsOneErrorThatNamesEachInOrder() {
        InvalidAccountInput email = new InvalidAccountInput("email", "Give an email address.");
        InvalidAccountInput username = new InvalidAccountInput("username", "Use 3 to 30 characters.");

        InvalidAccountInput both = InvalidAccountInput.all(java.util.List.of(email, username));

        assertThat(both.each()).containsExactly(email, username);
        assertThat(both.field()).isEqualTo("email");
        assertThat(both.getMessage()).isEqualTo("Give an email address.");
        assertThat(InvalidAccountInput.all(java.util.List.of(username))).isSameAs(username);
        assertThat(username.each()).containsExactly(username);
        assertThatThrownBy(() -> InvalidAccountInput.all(java.util.List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void throttleWindowsEndInsteadOfLockingForever() {
        Instant start = Instant.parse("2026-11-28T10:00:00Z");
        var limit = LoginThrottle.ACCOUNT_AND_ADDRESS;
        assertThat(LoginThrottle.waitFor(limit, 4, start, start.plusSeconds(60))).isZero();
        assertThat(LoginThrottle.waitFor(limit, 5, start, start.plusSeconds(60))).isEqualTo(Duration.ofMinutes(14));
        assertThat(LoginThrottle.waitFor(limit, 50, start, start.plus(limit.window()))).isZero();
    }

    @Test
    void gradeSystemsAreCheckedPerFamily() {
        assertThat(GradeSystems.validated(Map.of("route", "french"))).containsEntry("route", "french").containsEntry("boulder", "v");
        assertThatThrownBy(() -> GradeSystems.validated(Map.of("boulder", "yds"))).isInstanceOf(InvalidAccountInput.class);
    }

    @Test
    void secretTokensAreStoredOnlyAsHashes() {
        SecretToken token = SecretToken.of(new byte[32]);
        assertThat(token.value()).hasSize(43);
        assertThat(token.hash()).hasSize(32).isEqualTo(SecretToken.hash(token.value()));
        assertThat(token.toString()).doesNotContain(token.value());
    }

    private static String catchField(Runnable action) {
        try {
            action.run();
            return null;
        } catch (InvalidAccountInput e) {
            return e.field();
        }
    }
}
