package dev.cruxlog.logbook.application;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

import dev.cruxlog.logbook.TickView;
import dev.cruxlog.platform.InvalidInput;

/**
 * Where a page of ticks ended, for keyset pagination: the last tick's sort keys (grade
 * index, date, id), opaque to clients. Ticks without an indexed grade sort as -1000.
 */
public record TickCursor(int gradeIndex, LocalDate date, UUID id) {

    public static final int UNGRADED = -1000;

    public static TickCursor after(TickView tick) {
        return new TickCursor(tick.gradeIndex() == null ? UNGRADED : tick.gradeIndex(), tick.date(), tick.id());
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((gradeIndex + "|" + date + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    public static TickCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            return new TickCursor(Integer.parseInt(parts[0]), LocalDate.parse(parts[1]), UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw new InvalidInput("cursor", "not one this API issued.");
        }
    }
}
