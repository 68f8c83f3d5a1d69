package dev.cruxlog.logbook.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.cruxlog.grades.Grade;
import dev.cruxlog.grades.GradeFamily;
import dev.cruxlog.grades.GradeSystem;
import dev.cruxlog.grades.Grades;
import dev.cruxlog.logbook.AscentStyle;
import dev.cruxlog.logbook.Discipline;

/**
 * One export being translated: the drafts so far, the warnings and the skipped rows, and the
 * judgements every source shares (is the date usable, is the grade readable, is the style
 * known), each saying why in a warning that names the row.
 */
final class Translation {

    private final Grades grades;
    private final LocalDate today;
    private final List<TickDraft> drafts = new ArrayList<>();
    private final List<ImportWarning> warnings = new ArrayList<>();
    private int skipped;
    final DraftBuilder draft;

    Translation(String source, Grades grades, LocalDate today) {
        this.grades = grades;
        this.today = today;
        this.draft = new DraftBuilder(source);
    }

    Grades grades() {
        return grades;
    }

    void skip(SourceRow row, String reason) {
        warnings.add(new ImportWarning(row.line(), "Skipped: " + reason));
        skipped++;
    }

    void warn(SourceRow row, String message) {
        warnings.add(new ImportWarning(row.line(), message));
    }

    /**
     * The date of a row naming its climb, or null after skipping the row (no climb name, no date,
     * not a date); future dates are kept with a warning.
     */
    LocalDate dateOfNamedClimb(SourceRow row, String climb, String dateText) {
        if (climb.isEmpty()) {
            skip(row, "no route name");
            return null;
        }
        return date(row, dateText);
    }

    /** The climb's date, or null after skipping the row; future dates are kept with a warning. */
    LocalDate date(SourceRow row, String text) {
        if (text == null || text.isBlank()) {
            skip(row, "no date");
            return null;
        }
        LocalDate date = SourceFields.date(text);
        if (date == null) {
            skip(row, "'" + text.trim() + "' is not a date");
            return null;
        }
        warnIfFuture(row, date);
        return date;
    }

    void warnIfFuture(SourceRow row, LocalDate date) {
        if (dev.cruxlog.logbook.domain.TickDates.inFuture(date, today)) {
            warn(row, dev.cruxlog.logbook.domain.TickDates.futureWarning(date));
        }
    }

    /** The grade understood, or null (kept as logged, outside pyramids) with a warning. */
    Grade grade(SourceRow row, String text, GradeSystem hint) {
        Optional<Grade> grade = grades.parse(text, hint);
        if (grade.isEmpty() && text != null && !text.isBlank()) {
            warn(row, "Grade '" + text.trim() + "' is not one Cruxlog reads yet; kept as logged, left out of pyramids");
        }
        return grade.orElse(null);
    }

    /** The ascent style, or an attempt with a warning when the word is new to us. */
    AscentStyle style(SourceRow row, Optional<AscentStyle> style, String asLogged) {
        if (style.isPresent()) {
            return style.get();
        }
        warn(row, (asLogged == null || asLogged.isBlank() ? "No ascent style given" : "Ascent style '" + asLogged.trim()
                + "' is new to Cruxlog") + "; counted as an attempt, correct it in your logbook if it was a send");
        return AscentStyle.ATTEMPT;
    }

    /**
     * The discipline the source names; when it names none, a boulder grade means a boulder
     * and anything else is read as sport and flagged for the climber to confirm.
     */
    void discipline(SourceRow row, Optional<Discipline> named, String asLogged, Grade grade) {
        if (grade != null && grade.family() == GradeFamily.BOULDER) {
            draft.discipline(Discipline.BOULDER, true);
        } else if (named.isPresent()) {
            draft.discipline(named.get(), true);
        } else if (grade != null && grade.system() == GradeSystem.AID) {
            draft.discipline(Discipline.AID, true);
        } else {
            draft.discipline(Discipline.SPORT, false);
            warn(row, (asLogged == null || asLogged.isBlank() ? "No route type given" : "Route type '" + asLogged.trim()
                    + "' is new to Cruxlog") + "; read as sport, confirm it in your logbook");
        }
    }

    void add() {
        drafts.add(draft.build());
    }

    /** The drafts made since the last call, handed over: this translation no longer holds them. */
    List<TickDraft> takeDrafts() {
        List<TickDraft> taken = List.copyOf(drafts);
        drafts.clear();
        return taken;
    }

    List<ImportWarning> warnings() {
        return List.copyOf(warnings);
    }

    int skipped() {
        return skipped;
    }
}
