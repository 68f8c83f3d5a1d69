package dev.cruxlog.logbook.domain;

import java.util.Map;

/**
 * One record of an export, by column name.
 *
 * @param line the line number in the file where the record starts (header is line 1)
 */
public record SourceRow(int line, Map<String, String> fields) {

    public String get(String column) {
        String value = fields.get(column);
        return value == null ? "" : value.trim();
    }
}
