package dev.cruxlog.logbook.application;

/**
 * A page of ticks already written as JSON: the items array in {@link dev.cruxlog.logbook.TickView}'s
 * JSON shape (field for field what Jackson writes for it, notes without markup), built by the
 * database so the API can write it through without decoding a row or encoding an object.
 *
 * @param items UTF-8 JSON array of the page's ticks
 * @param next  where the next page starts, or null on the last page
 */
public record TickPageJson(byte[] items, TickCursor next) {
}
