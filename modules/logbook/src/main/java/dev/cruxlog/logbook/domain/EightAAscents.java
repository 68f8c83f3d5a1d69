package dev.cruxlog.logbook.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import dev.cruxlog.grades.Grade;
import dev.cruxlog.grades.GradeSystem;
import dev.cruxlog.grades.Grades;
import dev.cruxlog.logbook.Discipline;
import dev.cruxlog.logbook.domain.AscentTerms;
import dev.cruxlog.logbook.domain.LocationPath;

/**
 * 8a.nu's ascent JSON ({@code {"ascents":[...]}}, the format of its web API pages, so both an
 * uploaded file and the profile scraper end here). Facts used, from REFERENCE-APP.md:
 * category 0 is a route (French grades, trad when {@code traditional}), 1 a boulder (Font);
 * the route is {@code zlaggableName} at country > area > crag > sector; {@code rating} is 0..5
 * stars; {@code ascentId} identifies the ascent across exports.
 */
public final class EightAAscents {

    static final List<String> PLACEHOLDER_SECTORS = List.of("unknown sector", "unknown");

    private EightAAscents() {
    }

    /** This export translated chunk by chunk ({@link FileTranslation}). */
    public static FileTranslation translation(String source, Grades grades, LocalDate today) {
        return new FileTranslation(new Translation(source, grades, today), EightAAscents::translateRow);
    }

    private static void translateRow(Translation t, SourceRow row) {
        String route = row.get("zlaggableName");
        LocalDate date = t.dateOfNamedClimb(row, route, row.get("date"));
        if (date == null) {
            return;
        }
        boolean boulder = "1".equals(row.get("category"));
        String difficulty = row.get("difficulty");
        Grade grade = t.grade(row, difficulty, boulder ? GradeSystem.FONT : GradeSystem.FRENCH);
        String id = row.get("ascentId");
        t.draft.tick(id.isEmpty() ? date + "|" + route + "|" + row.get("cragName") : "8a:" + id, route, date)
                .grade(difficulty, grade)
                .style(t.style(row, AscentTerms.eightA(row.get("type"), SourceFields.flag(row.get("project")),
                        SourceFields.flag(row.get("repeat"))), row.get("type")), row.get("type"))
                .routeType(boulder ? "Boulder" : SourceFields.flag(row.get("traditional")) ? "Trad" : "Sport")
                .location(location(row.get("countryName"), row.get("areaName"), row.get("cragName"), row.get("sectorName")))
                .notes(row.get("comment"))
                .userStars(SourceFields.positive(row.get("rating")), 5);
        t.draft.discipline(boulder ? Discipline.BOULDER
                : SourceFields.flag(row.get("traditional")) ? Discipline.TRAD : Discipline.SPORT, true);
        t.add();
    }

    /** Country > area > crag > sector, leaving out 8a.nu's "Unknown Sector" placeholders. */
    static LocationPath location(String country, String area, String crag, String sector) {
        boolean placeholder = sector == null || PLACEHOLDER_SECTORS.contains(sector.trim().toLowerCase(Locale.ROOT));
        return LocationPath.of(java.util.Arrays.asList(country, area, crag, placeholder ? null : sector));
    }
}
