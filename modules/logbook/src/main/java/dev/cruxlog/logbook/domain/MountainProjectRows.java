package dev.cruxlog.logbook.domain;

import java.time.LocalDate;
import java.util.List;

import dev.cruxlog.grades.Grade;
import dev.cruxlog.grades.Grades;
import dev.cruxlog.logbook.AscentStyle;
import dev.cruxlog.logbook.Discipline;
import dev.cruxlog.logbook.domain.Classification;
import dev.cruxlog.logbook.domain.LocationPath;
import dev.cruxlog.logbook.domain.MountainProjectClassifier;

/**
 * Mountain Project export rows to tick drafts. Rows without a date, route or rating are
 * skipped with a warning naming the row; grades a spreadsheet mangled are repaired from
 * the Rating Code, with a warning; identical rows (two laps the same day) stay two ticks.
 */
public final class MountainProjectRows {

    public static final String SOURCE = "mountain-project";
    public static final List<String> REQUIRED_COLUMNS = List.of("Date", "Route", "Rating");

    private MountainProjectRows() {
    }

    public static TranslatedFile toDrafts(List<SourceRow> rows, Grades grades, LocalDate today) {
        return translation(grades, today).whole(rows);
    }

    /** The export translated chunk by chunk ({@link FileTranslation}). */
    public static FileTranslation translation(Grades grades, LocalDate today) {
        return new FileTranslation(new Translation(SOURCE, grades, today), MountainProjectRows::translateRow);
    }

    private static void translateRow(Translation t, SourceRow row) {
        String date = row.get("Date");
        String route = row.get("Route");
        String rating = row.get("Rating");
        if (date.isEmpty() || route.isEmpty() || rating.isEmpty()) {
            t.skip(row, "no " + (date.isEmpty() ? "date" : route.isEmpty() ? "route" : "rating"));
            return;
        }
        LocalDate climbedOn = SourceFields.date(date);
        if (climbedOn == null) {
            t.skip(row, "'" + date + "' is not a date");
            return;
        }
        t.warnIfFuture(row, climbedOn);
        Integer code = SourceFields.integer(row.get("Rating Code"));
        Grades.GradeReading reading = t.grades().readMountainProject(rating, code);
        if (reading.warning() != null) {
            t.warn(row, reading.warning());
        }
        Grade grade = reading.grade();
        Integer pitchCount = SourceFields.integer(row.get("Pitches"));
        int pitches = pitchCount == null ? 1 : Math.max(1, pitchCount);
        Integer length = SourceFields.integer(row.get("Length"));
        String notes = row.get("Notes");
        Classification classification = ownWords(row, MountainProjectClassifier.classify(row.get("Route Type"),
                row.get("Style"), row.get("Lead Style"), grade, notes));
        if (!classification.disciplineConfirmed()) {
            t.warn(row, "Route type '" + row.get("Route Type") + "' read as "
                    + classification.discipline().id() + "; confirm it in your logbook");
        }
        LocationPath location = LocationPath.parse(row.get("Location"));
        String url = row.get("URL");
        String identity = climbedOn + "|" + (url.isEmpty() ? route + "|" + row.get("Location") : url);
        t.draft.tick(identity, route, climbedOn)
                .grade(rating, grade)
                .discipline(classification.discipline(), classification.disciplineConfirmed())
                .style(classification.style(), row.get("Style"))
                .leadStyle(row.get("Lead Style"))
                .routeType(row.get("Route Type"))
                .pitches(pitches)
                .lengthFt(length)
                .location(location)
                .routeUrl(url)
                .notes(notes)
                .routeStars(SourceFields.decimal(row.get("Avg Stars")), 4)
                .userStars(SourceFields.decimal(row.get("Your Stars")), 4)
                .ratingCode(code)
                .userGrade(row.get("Your Rating"))
                .tags(row.fields().containsKey("Tags") ? splitTags(row.get("Tags")) : null);
        t.add();
    }

    /**
     * Cruxlog's own export says what each tick was in its Discipline and Ascent Style columns;
     * Mountain Project's words can say less (a boulder onsight from 8a.nu is a "Flash" there, a
     * repeat a "Redpoint"), so for a file of ours those columns win when they are readable. A
     * discipline the climber changed from what the words give counts as confirmed.
     */
    static Classification ownWords(SourceRow row, Classification fromWords) {
        if (!row.fields().containsKey(CsvExport.ID_COLUMN)) {
            return fromWords;
        }
        try {
            Discipline discipline = Discipline.fromId(row.get("Discipline"));
            AscentStyle style = AscentStyle.fromId(row.get("Ascent Style"));
            return new Classification(discipline,
                    fromWords.disciplineConfirmed() || discipline != fromWords.discipline(), style);
        } catch (IllegalArgumentException unreadable) {
            return fromWords;
        }
    }

    static List<String> splitTags(String text) {
        return text.isBlank() ? List.of() : java.util.Arrays.stream(text.split(";")).map(String::trim)
                .filter(t -> !t.isEmpty()).toList();
    }
}
