package dev.cruxlog.logbook.domain;

import java.time.LocalDate;
import java.util.Locale;

import dev.cruxlog.grades.Grade;
import dev.cruxlog.grades.GradeSystem;
import dev.cruxlog.grades.Grades;
import dev.cruxlog.logbook.domain.AscentTerms;

/**
 * 27crags' account export ({@code {"climber":{..., "ascents":[...]}}}). Its ascents carry a
 * route id but not the route's name, type or crag, so a tick is named after its route id and
 * the grade's shape decides the discipline (flagged for the climber to confirm). Grades are
 * in the systems the account chose ({@code grading_system_sport}, {@code grading_system_boulder});
 * {@code rating} is 0..3 stars with 0 for "not rated"; deleted ascents are skipped.
 */
public final class TwentySevenCragsAscents {

    static final String RECORDS = "/climber/ascents";

    private TwentySevenCragsAscents() {
    }

    /** This export translated chunk by chunk ({@link FileTranslation}); {@code records} gives its account settings. */
    public static FileTranslation translation(String source, SourceRecords records, Grades grades, LocalDate today) {
        GradeSystem routeSystem = system(records.context("grading_system_sport"));
        GradeSystem boulderSystem = system(records.context("grading_system_boulder"));
        return new FileTranslation(new Translation(source, grades, today),
                (t, row) -> translateRow(t, row, routeSystem, boulderSystem));
    }

    private static void translateRow(Translation t, SourceRow row, GradeSystem routeSystem, GradeSystem boulderSystem) {
        if (!row.get("deleted_at").isEmpty() && !row.get("deleted_at").equals("null")) {
            t.skip(row, "deleted on 27crags");
            return;
        }
        String routeId = row.get("route_id");
        LocalDate date = t.dateOfNamedClimb(row, routeId, row.get("date"));
        if (date == null) {
            return;
        }
        String gradeText = row.get("grade_opinion");
        Grade grade = t.grade(row, gradeText, looksLikeFont(gradeText) ? boulderSystem : routeSystem);
        String type = row.get("ascent_type");
        String id = row.get("id");
        t.draft.tick(id.isEmpty() ? date + "|" + routeId : "27crags:" + id, "27crags route " + routeId, date)
                .grade(gradeText, grade)
                .style(t.style(row, AscentTerms.twentySevenCrags(type), type), type)
                .routeUrl("https://27crags.com/routes/" + routeId)
                .notes(row.get("details"))
                .userStars(SourceFields.positive(row.get("rating")), 3);
        t.discipline(row, java.util.Optional.empty(), "", grade);
        t.add();
    }

    private static boolean looksLikeFont(String grade) {
        return grade.matches("[3-9][ABC]\\+?");
    }

    private static GradeSystem system(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "french" -> GradeSystem.FRENCH;
            case "font" -> GradeSystem.FONT;
            case "yds", "usa" -> GradeSystem.YDS;
            case "hueco", "v" -> GradeSystem.V;
            case "uiaa" -> GradeSystem.UIAA;
            default -> null;
        };
    }
}
