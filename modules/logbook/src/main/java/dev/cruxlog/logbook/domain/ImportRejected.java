package dev.cruxlog.logbook.domain;

/** An import that cannot run at all, with the reason a climber can act on. */
public class ImportRejected extends RuntimeException {

    private final boolean tooLarge;

    public ImportRejected(String message) {
        this(message, false);
    }

    private ImportRejected(String message, boolean tooLarge) {
        super(message);
        this.tooLarge = tooLarge;
    }

    /** The file is over the size limit: the API answers 413, and the message says how to split it. */
    public static ImportRejected tooLarge(ImportLimits limits) {
        return new ImportRejected("The file is larger than " + limits.maxFileBytes() / (1024 * 1024)
                + " MB. Export a shorter period and import the parts one after another.", true);
    }

    public boolean tooLarge() {
        return tooLarge;
    }
}
