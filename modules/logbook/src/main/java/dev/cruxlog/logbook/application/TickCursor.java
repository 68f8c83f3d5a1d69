package dev.cruxlog.logbook.application;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of ticks ended, for keyset pagination (newest first): the last tick's date
 * and id, opaque to clients.
 */
public record TickCursor(LocalDate date, UUID id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((date + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    public static TickCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            return new TickCursor(LocalDate.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The cursor is not one this API issued.");
        }
    }
}
