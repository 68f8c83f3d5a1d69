package dev.cruxlog.coach.application;

import java.time.Duration;

/**
 * The most of one answer Cruxlog takes from the model provider: characters kept, and time from
 * asking the model to the answer's end. Without them a provider that never ends an answer (a loop, a
 * fault, a hostile endpoint) would hold the answer's text, its events and its connection for as
 * long as it keeps writing: the first-token and idle timeouts only catch silence. An answer that
 * reaches either limit is cut there, what was written is kept, and the climber is told why.
 *
 * @param maxCharacters UTF-16 characters of one answer ({@code cruxlog.coach.max-answer-characters})
 * @param maxDuration from asking the model to the answer's end ({@code cruxlog.coach.max-answer-duration})
 */
public record AnswerLimits(int maxCharacters, Duration maxDuration) {

    public AnswerLimits {
        if (maxCharacters < 1) {
            throw new IllegalArgumentException("cruxlog.coach.max-answer-characters must be at least 1");
        }
        if (maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("cruxlog.coach.max-answer-duration must be positive");
        }
    }

    /** Which limit cut an answer. */
    public enum Reached {
        LENGTH, DURATION
    }

    /** An answer cut at one of the limits; the answer's text up to the cut is kept. */
    static final class AnswerCut extends RuntimeException {

        private final Reached reached;

        AnswerCut(Reached reached) {
            super("answer cut at its " + reached.name().toLowerCase(java.util.Locale.ROOT) + " limit", null, false, false);
            this.reached = reached;
        }

        Reached reached() {
            return reached;
        }
    }

    /** What the climber reads where the answer stopped. */
    String message(Reached reached) {
        return switch (reached) {
            case LENGTH -> "The answer was cut here: it reached " + String.format(java.util.Locale.ROOT, "%,d", maxCharacters)
                    + " characters, the most Cruxlog keeps of one answer.";
            case DURATION -> "The answer was cut here: the coach wrote for " + spoken(maxDuration)
                    + ", the longest Cruxlog waits for one answer.";
        };
    }

    private static String spoken(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 60_000 == 0) {
            return millis == 60_000 ? "1 minute" : (millis / 60_000) + " minutes";
        }
        return millis % 1_000 == 0 ? (millis / 1_000) + " seconds" : millis + " ms";
    }

    /** How much of {@code token} fits after {@code written} characters, never splitting a surrogate pair. */
    int room(int written, String token) {
        int room = Math.max(0, maxCharacters - written);
        if (room >= token.length()) {
            return token.length();
        }
        if (room > 0 && Character.isHighSurrogate(token.charAt(room - 1))) {
            room--;
        }
        return room;
    }
}
