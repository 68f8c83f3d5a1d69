package dev.cruxlog.logbook.domain;

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

    /** Logbook exports have a few dozen columns; a file with more is not one. */
    public static final int MAX_COLUMNS = 128;

    /**
     * Fields one import may hold (rows × the header's columns): 100,000 rows of 20 columns.
     * Every row keeps a field per column, so without it a wide header over many short rows
     * would make a small file hold a great deal of memory.
     */
    public static final int MAX_FIELDS = 2_000_000;

    public static ImportRejected tooManyColumns() {
        return new ImportRejected("The header has more than " + MAX_COLUMNS + " columns; this is not a logbook export.");
    }

    public static ImportRejected tooManyFields() {
        return new ImportRejected("The file has more than " + MAX_FIELDS + " fields (rows × columns); split it into smaller files.");
    }
}
