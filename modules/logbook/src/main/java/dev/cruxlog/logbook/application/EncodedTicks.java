package dev.cruxlog.logbook.application;

/**
 * A chunk of new ticks in the form the logbook's write sends them (for PostgreSQL, COPY text),
 * made by {@link Ticks#encode} on the import's worker as it translates: the chunk's drafts can
 * then go, and the write later only sends bytes. Opaque to the import.
 *
 * @param count how many ticks the chunk holds
 */
public record EncodedTicks(int count, byte[] bytes) {
}
