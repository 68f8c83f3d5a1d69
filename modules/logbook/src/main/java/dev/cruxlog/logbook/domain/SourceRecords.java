package dev.cruxlog.logbook.domain;

import java.util.List;
import java.util.Map;

/**
 * The records of an export before they are understood.
 *
 * @param context fields that apply to every record (a JSON export's account settings, such as
 *                27crags' grading systems); empty for tables
 * @param rows    one per logged climb, by column or field name
 */
public record SourceRecords(Map<String, String> context, List<SourceRow> rows) {

    public SourceRecords {
        context = Map.copyOf(context);
        rows = List.copyOf(rows);
    }

    public static SourceRecords table(List<SourceRow> rows) {
        return new SourceRecords(Map.of(), rows);
    }

    public String context(String name) {
        String value = context.get(name);
        return value == null ? "" : value.trim();
    }
}
