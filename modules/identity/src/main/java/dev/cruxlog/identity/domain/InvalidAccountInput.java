package dev.cruxlog.identity.domain;

/** A field the climber typed breaks a rule; the message is written for them. */
public class InvalidAccountInput extends RuntimeException {

    private final String field;

    public InvalidAccountInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
