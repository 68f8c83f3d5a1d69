package dev.cruxlog.logbook.domain;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.cruxlog.grades.Grade;
import dev.cruxlog.grades.GradeSystem;
import dev.cruxlog.grades.Grades;
import dev.cruxlog.logbook.domain.AscentTerms;
import dev.cruxlog.logbook.domain.LocationPath;

/**
 * theCrag's logbook export. Each ascent has an id and links; the grade is the route's in the
 * crag's local system (bare numbers are Ewbank in Australia, New Zealand and South Africa),
 * the gear style names the discipline, "Crag Path" is "Country - Area - ... - Crag", heights
 * are metres, and stars are "*" to "***" (theCrag's 0..3).
 */
public final class TheCragRows {

    static final List<String> REQUIRED_COLUMNS = List.of("Route Name", "Ascent Type", "Route Grade", "Ascent Date");

    private static final Set<String> EWBANK_COUNTRIES = Set.of("australia", "new zealand", "south africa");

    private TheCragRows() {
    }

    /** This export translated chunk by chunk ({@link FileTranslation}). */
    public static FileTranslation translation(String source, Grades grades, LocalDate today) {
        return new FileTranslation(new Translation(source, grades, today), TheCragRows::translateRow);
    }

    private static void translateRow(Translation t, SourceRow row) {
        String route = row.get("Route Name");
        LocalDate date = t.dateOfNamedClimb(row, route, row.get("Ascent Date"));
        if (date == null) {
            return;
        }
        String gradeText = row.get("Ascent Grade").isEmpty() ? row.get("Route Grade") : row.get("Ascent Grade");
        boolean ewbank = EWBANK_COUNTRIES.contains(row.get("Country").toLowerCase(Locale.ROOT));
        Grade grade = t.grade(row, gradeText, ewbank ? GradeSystem.EWBANK : null);
        String ascentId = row.get("Ascent ID");
        String gear = row.get("Ascent Gear Style").isEmpty() ? row.get("Route Gear Style") : row.get("Ascent Gear Style");
        String type = row.get("Ascent Type");
        String height = row.get("Ascent Height").isEmpty() ? row.get("Route Height") : row.get("Ascent Height");
        t.draft.tick(ascentId.isEmpty() ? date + "|" + route + "|" + row.get("Crag Path") : "thecrag:" + ascentId,
                        route, date)
                .grade(gradeText, grade)
                .style(t.style(row, AscentTerms.theCrag(type), type), type)
                .routeType(gear)
                .lengthFt(SourceFields.lengthFt(height))
                .location(location(row.get("Crag Path"), row.get("Country"), row.get("Crag Name")))
                .routeUrl(row.get("Route Link"))
                .notes(row.get("Comment"))
                .routeStars(quality(row.get("Route Stars")), 3)
                .userStars(quality(row.get("Quality")), 3);
        t.discipline(row, AscentTerms.discipline(gear), gear, grade);
        t.add();
    }

    /** "Joshua Tree National Park - Hidden Valley Campground - Caveman Boulder", under its country. */
    static LocationPath location(String cragPath, String country, String cragName) {
        List<String> parts = new java.util.ArrayList<>();
        parts.add(country);
        if (cragPath.isBlank()) {
            parts.add(cragName);
        } else {
            parts.addAll(Arrays.asList(cragPath.split(" - ")));
        }
        return LocationPath.of(parts);
    }

    private static Double quality(String text) {
        long stars = text.chars().filter(c -> c == '*').count();
        return stars > 0 ? (double) stars : null;
    }
}
