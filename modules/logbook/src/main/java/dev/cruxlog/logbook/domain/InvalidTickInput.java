package dev.cruxlog.logbook.domain;

import dev.cruxlog.platform.InvalidInput;

/**
 * A tick's field breaks a rule: which field, and what to do about it, written for the climber.
 * The platform answers it as problem+json with the field named, as it does every module's
 * {@link InvalidInput}; the tick form marks that field.
 */
public class InvalidTickInput extends InvalidInput {

    public InvalidTickInput(String field, String message) {
        super(field, message);
    }
}
