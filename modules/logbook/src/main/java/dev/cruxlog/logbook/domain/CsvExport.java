package dev.cruxlog.logbook.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.cruxlog.grades.Grade;
import dev.cruxlog.grades.GradeSystem;
import dev.cruxlog.logbook.TickView;
import dev.cruxlog.logbook.domain.Classification;
import dev.cruxlog.logbook.domain.MountainProjectClassifier;

/**
 * The logbook as CSV: Mountain Project's columns first (so the file imports anywhere that
 * reads MP exports, Cruxlog included), then Cruxlog's own. Style, Lead Style and Route
 * Type are written so that importing the file again classifies every tick the same way.
 * Fields a spreadsheet would run as formulas are neutralised ({@link #neutralised}).
 */
public final class CsvExport {

    public static final String ID_COLUMN = "Cruxlog ID";

    public static final List<String> HEADER = List.of("Date", "Route", "Rating", "Notes", "URL", "Pitches", "Location",
            "Avg Stars", "Your Stars", "Style", "Lead Style", "Route Type", "Your Rating", "Length", "Rating Code",
            "Discipline", "Ascent Style", "Send", "Source", "Tags", CsvExport.ID_COLUMN);

    private CsvExport() {
    }

    public static String header() {
        return line(HEADER);
    }

    public static String row(ExportedTick exported) {
        TickView tick = exported.tick();
        String[] mp = styleColumns(exported);
        List<String> fields = new ArrayList<>(List.of(
                tick.date().toString(), tick.route(), tick.grade(), nullToEmpty(tick.notes()), nullToEmpty(tick.routeUrl()),
                String.valueOf(tick.pitches()), String.join(" > ", tick.locationPath()),
                tick.routeStars() == null ? "-1" : tick.routeStars().toPlainString(),
                tick.userStars() == null ? "-1" : tick.userStars().toPlainString(),
                mp[0], mp[1], mp[2], nullToEmpty(exported.sourceUserGrade()),
                tick.lengthFt() == null ? "" : String.valueOf(tick.lengthFt()),
                exported.sourceRatingCode() == null ? "" : String.valueOf(exported.sourceRatingCode()),
                tick.discipline(), tick.style(), String.valueOf(tick.send()), tick.source(), String.join(";", tick.tags()),
                tick.id().toString()));
        return line(fields);
    }

    /**
     * Style, Lead Style and Route Type: a Mountain Project tick's own words while they still say
     * what the tick is (read again, they classify to its discipline and style: "Trad, Sport" stays
     * "Trad, Sport"); otherwise, and for every other source, words that read back as this tick.
     */
    static String[] styleColumns(ExportedTick exported) {
        TickView tick = exported.tick();
        String[] derived = mountainProjectStyle(tick.discipline(), tick.style());
        if (!MountainProjectRows.SOURCE.equals(tick.source())
                || exported.sourceRouteType() == null && exported.sourceStyle() == null) {
            return derived;
        }
        Grade grade = GradeSystem.byId(tick.gradeSystem())
                .map(system -> new Grade(tick.grade(), system, tick.gradeIndex(), tick.grade(), tick.protection(), null, List.of()))
                .orElse(null);
        Classification again = MountainProjectClassifier.classify(exported.sourceRouteType(), exported.sourceStyle(),
                exported.sourceLeadStyle(), grade, tick.notes());
        boolean stillTrue = again.discipline().id().equals(tick.discipline()) && again.style().id().equals(tick.style());
        return stillTrue ? new String[] {nullToEmpty(exported.sourceStyle()), nullToEmpty(exported.sourceLeadStyle()),
                nullToEmpty(exported.sourceRouteType())} : derived;
    }

    /** Style, Lead Style and Route Type that Mountain Project (and our importer) read back as this tick. */
    static String[] mountainProjectStyle(String discipline, String style) {
        String routeType = switch (discipline) {
            case "sport" -> "Sport";
            case "trad" -> "Trad";
            case "tr" -> "TR";
            case "boulder" -> "Boulder";
            case "ice" -> "Ice";
            case "mixed" -> "Mixed";
            case "aid" -> "Aid";
            case "alpine" -> "Alpine";
            default -> "Snow";
        };
        if (discipline.equals("boulder")) {
            return new String[] {style.equals("flash") || style.equals("onsight") ? "Flash"
                    : style.equals("attempt") ? "Attempt" : "Send", "", routeType};
        }
        return switch (style) {
            case "onsight" -> new String[] {"Lead", "Onsight", routeType};
            case "flash" -> new String[] {"Lead", "Flash", routeType};
            case "redpoint", "repeat" -> new String[] {"Lead", "Redpoint", routeType};
            case "pinkpoint" -> new String[] {"Lead", "Pinkpoint", routeType};
            case "top-rope" -> new String[] {"TR", "", routeType};
            case "follow" -> new String[] {"Follow", "", routeType};
            case "solo" -> new String[] {"Solo", "", routeType};
            default -> discipline.equals("tr") ? new String[] {"TR", "Fell/Hung", routeType}
                    : new String[] {"Lead", "Fell/Hung", routeType};
        };
    }

    private static String line(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append('"').append(neutralised(fields.get(i)).replace("\"", "\"\"")).append('"');
        }
        return line.append("\r\n").toString();
    }

    /** What a spreadsheet would run as a formula when a cell starts with it (OWASP, CSV injection). */
    private static final String FORMULA_START = "=+-@\t\r";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    /**
     * OWASP's rule against CSV formula injection: a field a spreadsheet would run as a formula
     * (starting with =, +, -, @, tab or carriage return) is written with a leading apostrophe,
     * which spreadsheets show as text. Plain numbers ("-1" stars) are left alone. A field that
     * already starts with apostrophes before such a character gets one more, so that reading
     * our own export back ({@link #restored}) removes exactly one and every note round-trips.
     */
    static String neutralised(String field) {
        int quotes = leadingApostrophes(field);
        boolean formula = quotes < field.length() && FORMULA_START.indexOf(field.charAt(quotes)) >= 0;
        if (!formula || (quotes == 0 && PLAIN_NUMBER.matcher(field).matches())) {
            return field;
        }
        return "'" + field;
    }

    /** {@link #neutralised}, undone. Applied only to files that are Cruxlog exports. */
    static String restored(String field) {
        int quotes = leadingApostrophes(field);
        boolean neutralisedFormula = quotes > 0 && quotes < field.length() && FORMULA_START.indexOf(field.charAt(quotes)) >= 0;
        return neutralisedFormula ? field.substring(1) : field;
    }

    /**
     * Rows of a CSV as their fields were before {@link #neutralised}, when the file is one of
     * ours (it has the {@code Cruxlog ID} column); any other file is returned as it is.
     */
    public static List<SourceRow> restored(List<SourceRow> rows) {
        if (rows.isEmpty() || !rows.get(0).fields().containsKey(ID_COLUMN)) {
            return rows;
        }
        // The rows of one table share its header, and so do the restored ones (SourceColumns).
        List<String> columns = List.copyOf(rows.get(0).fields().keySet());
        SourceColumns table = SourceColumns.of(columns);
        List<SourceRow> restored = new ArrayList<>(rows.size());
        for (SourceRow row : rows) {
            String[] values = new String[columns.size()];
            for (int i = 0; i < values.length; i++) {
                String value = row.fields().get(columns.get(i));
                values[i] = value == null ? null : restored(value);
            }
            restored.add(table.row(row.line(), values));
        }
        return restored;
    }

    private static int leadingApostrophes(String field) {
        int count = 0;
        while (count < field.length() && field.charAt(count) == '\'') {
            count++;
        }
        return count;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
