package dev.cruxlog.logbook.application;

import java.util.ArrayList;
import java.util.List;

import dev.cruxlog.logbook.TickView;

/**
 * The logbook as CSV: Mountain Project's columns first (so the file imports anywhere that
 * reads MP exports, Cruxlog included), then Cruxlog's own. Style, Lead Style and Route
 * Type are written so that importing the file again classifies every tick the same way.
 */
public final class CsvExport {

    public static final List<String> HEADER = List.of("Date", "Route", "Rating", "Notes", "URL", "Pitches", "Location",
            "Avg Stars", "Your Stars", "Style", "Lead Style", "Route Type", "Your Rating", "Length", "Rating Code",
            "Discipline", "Ascent Style", "Send", "Source", "Tags", "Cruxlog ID");

    private CsvExport() {
    }

    public static String header() {
        return line(HEADER);
    }

    public static String row(TickView tick) {
        String[] mp = mountainProjectStyle(tick.discipline(), tick.style());
        List<String> fields = new ArrayList<>(List.of(
                tick.date().toString(), tick.route(), tick.grade(), nullToEmpty(tick.notes()), nullToEmpty(tick.routeUrl()),
                String.valueOf(tick.pitches()), String.join(" > ", tick.locationPath()),
                tick.routeStars() == null ? "-1" : tick.routeStars().toPlainString(),
                tick.userStars() == null ? "-1" : tick.userStars().toPlainString(),
                mp[0], mp[1], mp[2], "", tick.lengthFt() == null ? "" : String.valueOf(tick.lengthFt()), "",
                tick.discipline(), tick.style(), String.valueOf(tick.send()), tick.source(), String.join(";", tick.tags()),
                tick.id().toString()));
        return line(fields);
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
            line.append('"').append(fields.get(i).replace("\"", "\"\"")).append('"');
        }
        return line.append("\r\n").toString();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
