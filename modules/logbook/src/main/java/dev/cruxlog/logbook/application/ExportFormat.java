package dev.cruxlog.logbook.application;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Recognises a logbook export from its first bytes, so a wrong file gets an answer that
 * names what it is ("a PNG image", "a theCrag export") instead of a parse error.
 */
public enum ExportFormat {

    MOUNTAIN_PROJECT_CSV("mountain-project", "a Mountain Project tick export", true),
    EIGHT_A_CSV("eight-a-csv", "an 8a.nu CSV export", false),
    EIGHT_A_JSON("eight-a-json", "8a.nu ascent JSON", false),
    THECRAG_CSV("thecrag", "a theCrag logbook export", false),
    UKC_CSV("ukc", "a UKClimbing logbook export", false),
    TWENTY_SEVEN_CRAGS_JSON("27crags", "a 27crags export", false);

    private final String source;
    private final String description;
    private final boolean supported;

    ExportFormat(String source, String description, boolean supported) {
        this.source = source;
        this.description = description;
        this.supported = supported;
    }

    public String source() {
        return source;
    }

    public String description() {
        return description;
    }

    public boolean supported() {
        return supported;
    }

    public static ExportFormat forSource(String source) {
        for (ExportFormat format : values()) {
            if (format.source.equalsIgnoreCase(source)) {
                return format;
            }
        }
        throw new ImportRejected("Unknown source '" + source + "'. Known sources: mountain-project, eight-a-csv, "
                + "eight-a-json, thecrag, ukc, 27crags.");
    }

    /** What the content is; an {@link ImportRejected} naming it when it is no logbook at all. */
    public static ExportFormat detect(byte[] content) {
        if (content.length == 0) {
            throw new ImportRejected("The file is empty.");
        }
        if (startsWith(content, 0x89, 'P', 'N', 'G')) {
            throw new ImportRejected("This file is a PNG image, not a logbook export. Upload the CSV file your logbook exported.");
        }
        if (startsWith(content, 0xFF, 0xD8, 0xFF)) {
            throw new ImportRejected("This file is a JPEG image, not a logbook export. Upload the CSV file your logbook exported.");
        }
        if (startsWith(content, '%', 'P', 'D', 'F')) {
            throw new ImportRejected("This file is a PDF document, not a logbook export. Upload the CSV file your logbook exported.");
        }
        if (startsWith(content, 'P', 'K', 3, 4)) {
            throw new ImportRejected("This file is a ZIP archive or an Excel workbook. Export your logbook as CSV and upload that.");
        }
        String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.UTF_8)
                .replace("\uFEFF", "");
        for (int i = 0; i < Math.min(head.length(), 1024); i++) {
            char c = head.charAt(i);
            if (c == 0 || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
                throw new ImportRejected("This file is binary, not a logbook export. Upload the CSV file your logbook exported.");
            }
        }
        String firstLine = head.lines().findFirst().orElse("").toLowerCase(Locale.ROOT).replace("\"", "");
        String trimmed = head.stripLeading();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            if (head.contains("\"ascents\"")) {
                return EIGHT_A_JSON;
            }
            return TWENTY_SEVEN_CRAGS_JSON;
        }
        if (firstLine.startsWith("date,route,rating")) {
            return MOUNTAIN_PROJECT_CSV;
        }
        if (firstLine.startsWith("route/boulder name,difficulty")) {
            return EIGHT_A_CSV;
        }
        if (firstLine.startsWith("route name,ascent label")) {
            return THECRAG_CSV;
        }
        if (firstLine.startsWith("name,grade,style")) {
            return UKC_CSV;
        }
        throw new ImportRejected("This file is not a logbook export Cruxlog recognises. Its first line is: '"
                + abbreviate(head.lines().findFirst().orElse("")) + "'. A Mountain Project export starts with "
                + "'Date,Route,Rating,Notes,URL,...'.");
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }
}
