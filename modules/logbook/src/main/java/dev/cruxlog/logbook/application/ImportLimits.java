package dev.cruxlog.logbook.application;

/**
 * What one import may contain. Larger files get a clear error before anything is written.
 *
 * @param maxFileBytes  20 MB by default
 * @param maxRows       100,000 rows
 * @param maxFieldChars the longest field (a tick's notes) accepted
 * @param maxLinesPerRecord how many lines one quoted field may span before the file is
 *                          judged broken (an unclosed quote)
 */
public record ImportLimits(int maxFileBytes, int maxRows, int maxFieldChars, int maxLinesPerRecord) {

    public static final ImportLimits DEFAULT = new ImportLimits(20 * 1024 * 1024, 100_000, 20_000, 200);
}
