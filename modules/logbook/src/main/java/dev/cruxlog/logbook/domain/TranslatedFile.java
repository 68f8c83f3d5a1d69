package dev.cruxlog.logbook.domain;

import java.util.List;

/**
 * What one export said, understood: the ticks to write, what the climber should know about
 * the rows, and how many rows could not become ticks (each of those has a warning).
 */
public record TranslatedFile(List<TickDraft> drafts, List<ImportWarning> warnings, int skipped) {

    public TranslatedFile {
        drafts = List.copyOf(drafts);
        warnings = List.copyOf(warnings);
    }
}
