package dev.cruxlog.logbook.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.cruxlog.grades.Grade;
import dev.cruxlog.grades.Grades;
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

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");

    private MountainProjectRows() {
    }

    public static TranslatedExport toDrafts(List<SourceRow> rows, Grades grades, LocalDate today) {
        List<TickDraft> drafts = new ArrayList<>();
        List<ImportWarning> warnings = new ArrayList<>();
        Map<String, Integer> occurrences = new HashMap<>();
        int skipped = 0;
        for (SourceRow row : rows) {
            String date = row.get("Date");
            String route = row.get("Route");
            String rating = row.get("Rating");
            if (date.isEmpty() || route.isEmpty() || rating.isEmpty()) {
                warnings.add(new ImportWarning(row.line(), "Skipped: no " + (date.isEmpty() ? "date" : route.isEmpty() ? "route" : "rating")));
                skipped++;
                continue;
            }
            LocalDate climbedOn = parseDate(date);
            if (climbedOn == null) {
                warnings.add(new ImportWarning(row.line(), "Skipped: '" + date + "' is not a date"));
                skipped++;
                continue;
            }
            if (climbedOn.isAfter(today)) {
                warnings.add(new ImportWarning(row.line(), "Date " + climbedOn + " is in the future; kept as logged"));
            }
            Integer code = integer(row.get("Rating Code"));
            Grades.GradeReading reading = grades.readMountainProject(rating, code);
            if (reading.warning() != null) {
                warnings.add(new ImportWarning(row.line(), reading.warning()));
            }
            Grade grade = reading.grade();
            int pitches = Math.max(1, integer(row.get("Pitches")) == null ? 1 : integer(row.get("Pitches")));
            Integer length = integer(row.get("Length"));
            String notes = row.get("Notes");
            Classification classification = MountainProjectClassifier.classify(row.get("Route Type"), row.get("Style"),
                    row.get("Lead Style"), grade, pitches, notes);
            if (!classification.disciplineConfirmed()) {
                warnings.add(new ImportWarning(row.line(), "Route type '" + row.get("Route Type") + "' read as "
                        + classification.discipline().id() + "; confirm it in your logbook"));
            }
            LocationPath location = LocationPath.parse(row.get("Location"));
            String url = row.get("URL");
            String identity = climbedOn + "|" + (url.isEmpty() ? route + "|" + row.get("Location") : url);
            int occurrence = occurrences.merge(identity, 1, Integer::sum);
            String key = TickDraft.sha256(identity).substring(0, 32) + "#" + occurrence;
            drafts.add(new TickDraft(SOURCE, key, route, climbedOn, rating,
                    grade == null ? null : grade.system().id(), grade == null ? null : grade.index(),
                    grade == null ? null : grade.level(), grade == null ? null : grade.protection(),
                    grade == null ? null : grade.aid(), classification.discipline(), classification.disciplineConfirmed(),
                    classification.style(), emptyToNull(row.get("Style")), emptyToNull(row.get("Lead Style")),
                    emptyToNull(row.get("Route Type")), pitches, length == null || length <= 0 ? null : length,
                    location.display(), location.parts(), emptyToNull(url), emptyToNull(notes),
                    stars(row.get("Avg Stars")), stars(row.get("Your Stars")), code,
                    row.fields().containsKey("Tags") ? splitTags(row.get("Tags")) : null));
        }
        return new TranslatedExport(drafts, warnings, skipped);
    }

    static List<String> splitTags(String text) {
        return text.isBlank() ? List.of() : java.util.Arrays.stream(text.split(";")).map(String::trim)
                .filter(t -> !t.isEmpty()).toList();
    }

    static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text, US_DATE);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static Integer integer(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return (int) Math.round(Double.parseDouble(text.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Stars are 0..4 on Mountain Project, -1 when unrated. */
    private static BigDecimal stars(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text.trim());
            return value.signum() < 0 ? null : value.setScale(2, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String emptyToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
