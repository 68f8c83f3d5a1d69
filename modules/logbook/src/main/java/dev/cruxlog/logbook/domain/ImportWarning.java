package dev.cruxlog.logbook.domain;

/** Something odd about one row: skipped, or read differently than written. */
public record ImportWarning(int row, String message) {
}
