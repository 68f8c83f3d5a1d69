package dev.cruxlog.logbook.application;

import java.time.LocalDate;

/**
 * What the ticks list may be narrowed to; null means "any".
 *
 * @param minIndex lowest grade index (inclusive), on the discipline family's index
 * @param maxIndex highest grade index (inclusive)
 * @param text     matched, case-insensitively, against route and location
 * @param toConfirm true: only ticks whose discipline was picked from several route types
 *                  ("Trad, Sport") and awaits the climber's word
 * @param datedInFuture true: only ticks dated after tomorrow that the climber has not confirmed
 * @param happenedOnly true: leave out ticks dated after tomorrow (a "recent" window)
 */
public record TickFilter(String discipline, LocalDate from, LocalDate to, Integer minIndex, Integer maxIndex, Boolean send,
                         String text, String tag, boolean toConfirm, boolean datedInFuture, boolean happenedOnly) {

    public TickFilter(String discipline, LocalDate from, LocalDate to, Integer minIndex, Integer maxIndex, Boolean send,
                      String text, String tag, boolean toConfirm, boolean datedInFuture) {
        this(discipline, from, to, minIndex, maxIndex, send, text, tag, toConfirm, datedInFuture, false);
    }

    public TickFilter(String discipline, LocalDate from, LocalDate to, Integer minIndex, Integer maxIndex, Boolean send,
                      String text, String tag) {
        this(discipline, from, to, minIndex, maxIndex, send, text, tag, false, false);
    }

    public TickFilter(String discipline, LocalDate from, LocalDate to, Integer minIndex, Integer maxIndex, Boolean send,
                      String text) {
        this(discipline, from, to, minIndex, maxIndex, send, text, null);
    }

    /** Ticks climbed on or after {@code since} that have happened: a "recent" window. */
    public static TickFilter recent(LocalDate since) {
        return new TickFilter(null, since, null, null, null, null, null, null, false, false, true);
    }

    public static TickFilter none() {
        return new TickFilter(null, null, null, null, null, null, null, null);
    }
}
