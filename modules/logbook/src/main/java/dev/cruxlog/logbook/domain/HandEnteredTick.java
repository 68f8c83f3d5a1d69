package dev.cruxlog.logbook.domain;

import java.time.LocalDate;
import java.util.List;

import dev.cruxlog.grades.Grade;
import dev.cruxlog.grades.GradeSystem;
import dev.cruxlog.grades.Grades;
import dev.cruxlog.logbook.AscentStyle;
import dev.cruxlog.logbook.Discipline;

/**
 * A tick as a climber types it in the tick form or sends it to the API, and the rules it must
 * meet to be kept: a route and a day, a discipline, style and grade Cruxlog knows, 1 to 100
 * pitches, a length a route can have. Fields are as given (text untrimmed, numbers possibly
 * missing); {@link #draft} is where they are checked and made into what the store keeps.
 */
public record HandEnteredTick(String route, LocalDate date, String grade, String discipline, String style, Integer pitches,
                              Integer lengthFt, String location, String notes, List<String> tags) {

    /** Longer than the longest alpine routes (the Cassin Ridge is about 9,000 ft of climbing). */
    public static final int MAX_LENGTH_FT = 30_000;

    /**
     * The draft the store receives, built like an imported one (no source key, its fields as
     * entered), or the first rule broken, naming its field.
     */
    public TickDraft draft(Grades grades) {
        if (route() == null || route().isBlank()) {
            throw new InvalidTickInput("route", "give the route's name.");
        }
        if (date() == null) {
            throw new InvalidTickInput("date", "give the day you climbed it.");
        }
        Discipline knownDiscipline;
        AscentStyle knownStyle;
        try {
            knownDiscipline = Discipline.fromId(discipline());
        } catch (RuntimeException e) {
            throw new InvalidTickInput("discipline", "one of sport, trad, tr, boulder, alpine, ice, mixed, aid, snow.");
        }
        try {
            knownStyle = AscentStyle.fromId(style());
        } catch (RuntimeException e) {
            throw new InvalidTickInput("style", "one of onsight, flash, redpoint, pinkpoint, top-rope, follow, solo, repeat, attempt.");
        }
        GradeSystem hint = knownDiscipline == Discipline.BOULDER ? GradeSystem.V : null;
        Grade parsedGrade = grades.parse(grade(), hint)
                .orElseThrow(() -> new InvalidTickInput("grade", "'" + grade() + "' is not a grade Cruxlog understands."));
        LocationPath path = LocationPath.parse(location());
        int pitchCount = pitches() == null ? 1 : pitches();
        if (pitchCount < 1 || pitchCount > 100) {
            throw new InvalidTickInput("pitches", "between 1 and 100.");
        }
        if (lengthFt() != null && (lengthFt() < 1 || lengthFt() > MAX_LENGTH_FT)) {
            throw new InvalidTickInput("lengthFt", "between 1 and " + MAX_LENGTH_FT + " feet, or left out.");
        }
        // Notes are kept as imported notes are: blank is none, the ends trimmed.
        return DraftBuilder.manual(route().trim(), date())
                .grade(grade().trim(), parsedGrade)
                .discipline(knownDiscipline, true)
                .style(knownStyle, null)
                .pitches(pitchCount)
                .lengthFt(lengthFt())
                .location(path)
                .notes(notes())
                // A hand edit sets the tags it is given: none given is none, not "leave them alone".
                .tags(tags() == null ? List.of() : tags())
                .build();
    }
}
