package dev.cruxlog.logbook.domain;

/**
 * A tick's field breaks a rule: which field, and what to do about it, written for the climber.
 * The API answers it as problem+json with the field named; the tick form marks that field.
 * An {@link IllegalArgumentException}, so callers that treat any bad argument as the caller's
 * mistake still do.
 */
public class InvalidTickInput extends IllegalArgumentException {

    private final String field;

    public InvalidTickInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
