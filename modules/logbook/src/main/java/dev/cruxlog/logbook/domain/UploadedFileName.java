package dev.cruxlog.logbook.domain;

import java.util.Locale;

/**
 * The name a climber's browser gave an uploaded file, made safe to keep and show (ASVS 5.4.1):
 * the base name only (no folders a client may send), without control or bidirectional-override
 * characters (a name must not rewrite a log line or flip how the page reads), at most 255
 * characters. Cruxlog never builds a path from it; it is a label on the import.
 *
 * @param value the cleaned name, never blank
 */
public record UploadedFileName(String value) {

    public static final int MAX_LENGTH = 255;

    /** The cleaned name, or null when nothing is left of it (the import then has no name). */
    public static UploadedFileName of(String raw) {
        if (raw == null) {
            return null;
        }
        String base = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder(Math.min(base.length(), MAX_LENGTH));
        base.codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .limit(MAX_LENGTH)
                .forEach(kept::appendCodePoint);
        String name = kept.toString().strip();
        return name.isEmpty() ? null : new UploadedFileName(name);
    }

    /** The extension in lower case ("csv"), or null when the name has none. */
    public String extension() {
        int dot = value.lastIndexOf('.');
        return dot <= 0 || dot == value.length() - 1 ? null : value.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
