package dev.cruxlog.logbook.domain;

import dev.cruxlog.logbook.AscentStyle;
import dev.cruxlog.logbook.Discipline;

/**
 * What a tick was, decided from its source's fields.
 *
 * @param discipline          the kind of climbing
 * @param disciplineConfirmed false when the source allowed several ("Trad, Sport") and the
 *                            rules picked one: the climber is asked to confirm, nothing is dropped
 * @param style               how it went
 */
public record Classification(Discipline discipline, boolean disciplineConfirmed, AscentStyle style) {

    public boolean send() {
        return style.isSend();
    }
}
