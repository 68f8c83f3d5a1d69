package dev.cruxlog.logbook.application;

import java.time.LocalDate;

/**
 * What the ticks list may be narrowed to; null means "any".
 *
 * @param minIndex lowest grade index (inclusive), on the discipline family's index
 * @param maxIndex highest grade index (inclusive)
 * @param text     matched, case-insensitively, against route and location
 */
public record TickFilter(String discipline, LocalDate from, LocalDate to, Integer minIndex, Integer maxIndex, Boolean send,
                         String text, String tag) {

    public TickFilter(String discipline, LocalDate from, LocalDate to, Integer minIndex, Integer maxIndex, Boolean send,
                      String text) {
        this(discipline, from, to, minIndex, maxIndex, send, text, null);
    }

    public static TickFilter none() {
        return new TickFilter(null, null, null, null, null, null, null, null);
    }
}
