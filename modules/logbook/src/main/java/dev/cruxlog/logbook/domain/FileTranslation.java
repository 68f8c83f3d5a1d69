package dev.cruxlog.logbook.domain;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * One export being translated a chunk of rows at a time, in the file's order. Each row is
 * translated on its own; what lasts the whole file stays here: repeated climbs numbered (two laps
 * of a route on one day get their own keys), the warnings and the count of skipped rows. An import
 * hands each chunk's drafts on as soon as they are made, so it need not hold a file's drafts all
 * at once (docs/benchmarks.md, nineteenth session); translating the whole file as one chunk gives
 * the same drafts, warnings and count (ChunkedTranslationTest).
 */
public final class FileTranslation {

    private final Translation translation;
    private final BiConsumer<Translation, SourceRow> row;
    private final UnaryOperator<List<SourceRow>> prepared;

    FileTranslation(Translation translation, BiConsumer<Translation, SourceRow> row) {
        this(translation, row, UnaryOperator.identity());
    }

    private FileTranslation(Translation translation, BiConsumer<Translation, SourceRow> row,
                            UnaryOperator<List<SourceRow>> prepared) {
        this.translation = translation;
        this.row = row;
        this.prepared = prepared;
    }

    /** The same translation of rows first passed through {@code preparation} (a chunk at a time, so row by row in effect). */
    public FileTranslation preparing(UnaryOperator<List<SourceRow>> preparation) {
        return new FileTranslation(translation, row, rows -> preparation.apply(prepared.apply(rows)));
    }

    /** The drafts of the next rows of the file; the warnings and skipped rows are kept for {@link #warnings} and {@link #skipped}. */
    public List<TickDraft> next(List<SourceRow> rows) {
        for (SourceRow source : prepared.apply(rows)) {
            row.accept(translation, source);
        }
        return translation.takeDrafts();
    }

    /** Every warning so far, in the file's order. */
    public List<ImportWarning> warnings() {
        return translation.warnings();
    }

    /** Rows so far that could not become ticks (each has a warning). */
    public int skipped() {
        return translation.skipped();
    }

    /** All of a file's rows at once. */
    public TranslatedFile whole(List<SourceRow> rows) {
        List<TickDraft> drafts = next(rows);
        return new TranslatedFile(drafts, warnings(), skipped());
    }
}
