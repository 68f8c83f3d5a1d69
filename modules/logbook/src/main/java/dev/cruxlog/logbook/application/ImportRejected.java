package dev.cruxlog.logbook.application;

/** An import that cannot run at all, with the reason a climber can act on. */
public class ImportRejected extends RuntimeException {

    public ImportRejected(String message) {
        super(message);
    }
}
