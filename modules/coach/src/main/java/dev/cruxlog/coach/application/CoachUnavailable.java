package dev.cruxlog.coach.application;

/** The model provider could not answer; the message is for the climber. */
public class CoachUnavailable extends RuntimeException {

    public CoachUnavailable(String message) {
        super(message);
    }

    public CoachUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
