package dev.cruxlog.logbook.domain;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The logbook exports Cruxlog reads, recognised from their first bytes, so a wrong file gets
 * an answer that names what it is ("a PNG image", "a theCrag export") instead of a parse
 * error. Each knows how its records are packed and which columns it cannot do without.
 */
public enum SourceFormat {

    MOUNTAIN_PROJECT_CSV("mountain-project", "a Mountain Project tick export", Container.CSV,
            MountainProjectRows.REQUIRED_COLUMNS),
    EIGHT_A_CSV("eight-a-csv", "an 8a.nu CSV export", Container.CSV, EightACsvRows.REQUIRED_COLUMNS),
    EIGHT_A_JSON("eight-a-json", "8a.nu ascent JSON", Container.JSON, List.of()),
    THECRAG_CSV("thecrag", "a theCrag logbook export", Container.CSV, TheCragRows.REQUIRED_COLUMNS),
    UKC_CSV("ukc", "a UKClimbing logbook export", Container.CSV, UkcRows.REQUIRED_CSV_COLUMNS),
    UKC_XLSX("ukc", "a UKClimbing logbook export (Excel)", Container.XLSX, UkcRows.REQUIRED_XLSX_COLUMNS),
    TWENTY_SEVEN_CRAGS_JSON("27crags", "a 27crags export", Container.JSON, List.of()),
    SENDAGE_CSV("sendage", "a Sendage export", Container.CSV, SendageRows.REQUIRED_COLUMNS);

    /** How the records are packed, and the file extensions such a file may carry. */
    public enum Container {
        CSV(List.of("csv", "txt", "tsv")), JSON(List.of("json")), XLSX(List.of("xlsx"));

        private final List<String> extensions;

        Container(List<String> extensions) {
            this.extensions = extensions;
        }

        public List<String> extensions() {
            return extensions;
        }
    }

    /** Every source a file can be uploaded as, for messages and pages. */
    public static final List<String> SOURCES = List.of("mountain-project", "eight-a-csv", "eight-a-json", "thecrag",
            "ukc", "27crags", "sendage");

    private final String source;
    private final String description;
    private final Container container;
    private final List<String> requiredColumns;

    SourceFormat(String source, String description, Container container, List<String> requiredColumns) {
        this.source = source;
        this.description = description;
        this.container = container;
        this.requiredColumns = requiredColumns;
    }

    /** The source id: what the API takes as {@code source} and what the ticks are labelled with. */
    public String source() {
        return source;
    }

    public String description() {
        return description;
    }

    public Container container() {
        return container;
    }

    public List<String> requiredColumns() {
        return requiredColumns;
    }

    /** For JSON exports, where the records are. */
    public String recordsPointer() {
        return this == TWENTY_SEVEN_CRAGS_JSON ? TwentySevenCragsAscents.RECORDS : "/ascents";
    }

    /** Whether a file of this format may be uploaded as the source the climber chose. */
    public boolean isSource(String requested) {
        return source.equalsIgnoreCase(requested.trim());
    }

    /** "a theCrag logbook export" for "thecrag". */
    public static String forSourceDescription(String source) {
        for (SourceFormat format : values()) {
            if (format.isSource(source)) {
                return format.description();
            }
        }
        return "a " + source + " export";
    }

    public static void checkKnownSource(String source) {
        if (SOURCES.stream().noneMatch(known -> known.equalsIgnoreCase(source.trim()))) {
            throw new ImportRejected("Unknown source '" + source + "'. Known sources: " + String.join(", ", SOURCES)
                    + "; and by profile, mountain-project and eight-a.");
        }
    }

    /** What the content is; an {@link ImportRejected} naming it when it is no logbook at all. */
    public static SourceFormat detect(byte[] content) {
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
            // Entry names in a ZIP are stored uncompressed, so an Excel workbook shows its parts.
            if (new String(content, StandardCharsets.ISO_8859_1).contains("xl/workbook.xml")) {
                return UKC_XLSX;
            }
            throw new ImportRejected("This file is a ZIP archive. Unpack it and upload the CSV or JSON export inside.");
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
            String compact = head.replaceAll("\\s", "");
            if (compact.startsWith("{\"climber\":")) {
                return TWENTY_SEVEN_CRAGS_JSON;
            }
            if (compact.contains("\"ascents\":[")) {
                return EIGHT_A_JSON;
            }
            throw new ImportRejected("This JSON file is not a logbook export Cruxlog recognises. 8a.nu ascent JSON "
                    + "starts with {\"ascents\":[...]} and a 27crags export with {\"climber\":{...}}.");
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
        if (firstLine.startsWith("these climbs were exported from sendage")) {
            return SENDAGE_CSV;
        }
        throw new ImportRejected("This file is not a logbook export Cruxlog recognises. Its first line is: '"
                + abbreviate(head.lines().findFirst().orElse("")) + "'. A Mountain Project export starts with "
                + "'Date,Route,Rating,Notes,URL,...'; the connect page shows what each logbook's export looks like.");
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
