package dev.cruxlog.platform;

/**
 * What a caller sent breaks a rule: which field, and what to do about it, written for the person
 * who sent it. Every module throws this (or its own subtype) for bad input, and the platform
 * answers it once, for every REST controller, as 400 problem+json naming the field; pages mark
 * that field. The field travels as a value, never inside the message, so no caller has to parse
 * one out. An {@link IllegalArgumentException}, so code that treats any bad argument as the
 * caller's mistake still does.
 */
public class InvalidInput extends IllegalArgumentException {

    private final String field;

    /**
     * @param field   the request's name for the field (a JSON property, query parameter or form
     *                field), or {@code null} when the request as a whole is wrong
     * @param message what is wrong, for the person who sent it, without the field's name
     */
    public InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    /**
     * The message for a page without per-field marks: prefixed with the field's name when the
     * error is an {@code InvalidInput} naming one, else the error's message as it is.
     */
    public static String namingTheField(Throwable error) {
        return error instanceof InvalidInput invalid && invalid.field() != null
                ? invalid.field() + ": " + invalid.getMessage() : error.getMessage();
    }

    /** The request's name for the field, or {@code null} when no single field is to blame. */
    public String field() {
        return field;
    }
}
