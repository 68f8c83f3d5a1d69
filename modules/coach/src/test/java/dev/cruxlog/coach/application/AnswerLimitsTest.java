package dev.cruxlog.coach.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Where an answer is cut, and what the climber is told; the cut in a running answer is AnswerServiceTest's. */
class AnswerLimitsTest {

    private final AnswerLimits limits = new AnswerLimits(10, Duration.ofMinutes(5));

    @Test
    void aTokenFitsWholeUpToTheLimitAndInPartAcrossIt() {
        assertThat(limits.room(0, "Hangboard!")).isEqualTo(10);
        assertThat(limits.room(4, "boards and more")).isEqualTo(6);
        assertThat(limits.room(10, "more")).isZero();
        assertThat(limits.room(12, "more")).as("written past it").isZero();
        assertThat(limits.room(10, "")).as("an empty token always fits").isZero();
    }

    @Test
    void aCutNeverSplitsACharacterMadeOfTwoCodeUnits() {
        String climber = "abcdefghi\uD83E\uDDD7";

        assertThat(limits.room(0, climber)).as("the pair would end at 11").isEqualTo(9);
        assertThat(limits.room(0, "abcdefgh\uD83E\uDDD7")).as("the pair ends at 10 exactly").isEqualTo(10);
    }

    @Test
    void theClimberIsToldWhichLimitCutTheAnswer() {
        assertThat(new AnswerLimits(32_000, Duration.ofMinutes(5)).message(AnswerLimits.Reached.LENGTH))
                .isEqualTo("The answer was cut here: it reached 32,000 characters, the most Cruxlog keeps of one answer.");
        assertThat(limits.message(AnswerLimits.Reached.DURATION))
                .isEqualTo("The answer was cut here: the coach wrote for 5 minutes, the longest Cruxlog waits for one answer.");
        assertThat(new AnswerLimits(10, Duration.ofSeconds(90)).message(AnswerLimits.Reached.DURATION)).contains("for 90 seconds");
    }

    @Test
    void limitsThatWouldCutEveryAnswerAreRefusedAtStart() {
        assertThatThrownBy(() -> new AnswerLimits(0, Duration.ofMinutes(5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AnswerLimits(10, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
