package dev.cruxlog.logbook.domain;

import java.time.LocalDate;
import java.util.List;

import dev.cruxlog.grades.Grade;
import dev.cruxlog.grades.GradeSystem;
import dev.cruxlog.grades.Grades;
import dev.cruxlog.logbook.Discipline;
import dev.cruxlog.logbook.domain.AscentTerms;

/**
 * 8a.nu's own CSV export: "Route/Boulder Name, difficulty, Sector Name, Crag Name, Town,
 * Country, type, Route or Boulder, tries, date, ..., rating, ..., repeat, ..., comment".
 * Routes are French grades, boulders Font; it has no ascent ids, so a tick is its date,
 * name and crag.
 */
public final class EightACsvRows {

    static final List<String> REQUIRED_COLUMNS = List.of("Route/Boulder Name", "difficulty", "date");

    private EightACsvRows() {
    }

    /** This export translated chunk by chunk ({@link FileTranslation}). */
    public static FileTranslation translation(String source, Grades grades, LocalDate today) {
        return new FileTranslation(new Translation(source, grades, today), EightACsvRows::translateRow);
    }

    private static void translateRow(Translation t, SourceRow row) {
        String route = row.get("Route/Boulder Name");
        LocalDate date = t.dateOfNamedClimb(row, route, row.get("date"));
        if (date == null) {
            return;
        }
        boolean boulder = row.get("Route or Boulder").equalsIgnoreCase("boulder");
        String difficulty = row.get("difficulty");
        Grade grade = t.grade(row, difficulty, boulder ? GradeSystem.FONT : GradeSystem.FRENCH);
        String type = row.get("type");
        t.draft.tick(date + "|" + route + "|" + row.get("Crag Name") + "|" + row.get("Sector Name"), route, date)
                .grade(difficulty, grade)
                .style(t.style(row, AscentTerms.eightA(type, false, SourceFields.flag(row.get("repeat"))), type), type)
                .routeType(row.get("Route or Boulder"))
                .location(EightAAscents.location(row.get("Country"), row.get("Town"), row.get("Crag Name"),
                        row.get("Sector Name")))
                .notes(row.get("comment"))
                .userStars(SourceFields.positive(row.get("rating")), 5);
        t.draft.discipline(boulder ? Discipline.BOULDER : Discipline.SPORT, true);
        t.add();
    }
}
