package dev.cruxlog.logbook.domain;

import java.time.LocalDate;
import java.util.List;

import dev.cruxlog.grades.Grade;
import dev.cruxlog.grades.Grades;
import dev.cruxlog.logbook.domain.AscentTerms;
import dev.cruxlog.logbook.domain.LocationPath;

/**
 * Sendage's export: a few preamble lines, then "Date, Send Type, Climb, Climb Type, Grade,
 * Area, Country, Rating, Comments". Undated rows cannot be placed in a logbook and are
 * skipped, each with a warning.
 */
public final class SendageRows {

    static final List<String> REQUIRED_COLUMNS = List.of("Date", "Climb", "Grade");

    private SendageRows() {
    }

    /** This export translated chunk by chunk ({@link FileTranslation}). */
    public static FileTranslation translation(String source, Grades grades, LocalDate today) {
        return new FileTranslation(new Translation(source, grades, today), SendageRows::translateRow);
    }

    private static void translateRow(Translation t, SourceRow row) {
        String route = row.get("Climb");
        LocalDate date = t.dateOfNamedClimb(row, route, row.get("Date"));
        if (date == null) {
            return;
        }
        Grade grade = t.grade(row, row.get("Grade"), null);
        String type = row.get("Climb Type");
        String sendType = row.get("Send Type");
        t.draft.tick(date + "|" + route + "|" + row.get("Area"), route, date)
                .grade(row.get("Grade"), grade)
                .style(t.style(row, AscentTerms.sendage(sendType), sendType), sendType)
                .routeType(type)
                .location(LocationPath.of(java.util.Arrays.asList(row.get("Country"), row.get("Area"))))
                .notes(row.get("Comments"))
                .userStars(SourceFields.positive(row.get("Rating")), 5);
        t.discipline(row, AscentTerms.discipline(type), type, grade);
        t.add();
    }
}
