package dev.cruxlog.logbook.adapter.in.file.blockingio;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import dev.cruxlog.logbook.application.ImportLimits;
import dev.cruxlog.logbook.application.ImportRejected;
import dev.cruxlog.logbook.application.SourceRow;
import dev.cruxlog.logbook.application.SpreadsheetExports;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The first worksheet of an .xlsx file, read from its two XML parts (shared strings and the
 * sheet) with jsoup's XML parser: enough for logbook exports, without a spreadsheet library.
 * {@link ZipInputStream} is a blocking stream API (over bytes already in memory), so the read
 * runs on {@code boundedElastic}. Unpacked size is capped, so a zip bomb is refused.
 */
@Component
public class XlsxSpreadsheetExports implements SpreadsheetExports {

    private static final int MAX_UNPACKED_FACTOR = 20;

    @Override
    public Mono<List<SourceRow>> read(byte[] content, List<String> requiredColumns, ImportLimits limits) {
        return Mono.fromCallable(() -> parse(content, requiredColumns, limits)).subscribeOn(Schedulers.boundedElastic());
    }

    static List<SourceRow> parse(byte[] content, List<String> requiredColumns, ImportLimits limits) {
        Map<String, String> parts = unzip(content, (long) limits.maxFileBytes() * MAX_UNPACKED_FACTOR);
        String sheetName = parts.keySet().stream().filter(name -> name.matches("xl/worksheets/sheet\\d+\\.xml"))
                .min((a, b) -> Integer.compare(number(a), number(b)))
                .orElseThrow(() -> new ImportRejected("The Excel file has no worksheet."));
        List<String> shared = new ArrayList<>();
        if (parts.containsKey("xl/sharedStrings.xml")) {
            for (Element item : xml(parts.get("xl/sharedStrings.xml")).select("si")) {
                StringBuilder text = new StringBuilder();
                item.select("t").forEach(t -> text.append(t.wholeText()));
                shared.add(text.toString());
            }
        }
        List<String> columns = null;
        List<SourceRow> rows = new ArrayList<>();
        for (Element row : xml(parts.get(sheetName)).select("sheetData > row")) {
            int line = Integer.parseInt(row.attr("r").isEmpty() ? String.valueOf(rows.size() + 2) : row.attr("r"));
            TreeMap<Integer, String> cells = new TreeMap<>();
            for (Element cell : children(row, "c")) {
                String value = value(cell, shared);
                if (value.length() > limits.maxFieldChars()) {
                    throw new ImportRejected("Row " + line + ": a cell is longer than " + limits.maxFieldChars() + " characters.");
                }
                cells.put(column(cell.attr("r"), cells.isEmpty() ? 0 : cells.lastKey() + 1), value);
            }
            if (columns == null) {
                columns = new ArrayList<>();
                for (int i = 0; i <= (cells.isEmpty() ? -1 : cells.lastKey()); i++) {
                    columns.add(cells.getOrDefault(i, "").trim());
                }
                List<String> header = columns;
                List<String> missing = requiredColumns.stream().filter(c -> !header.contains(c)).toList();
                if (!missing.isEmpty()) {
                    throw new ImportRejected("The spreadsheet is missing the column(s) " + String.join(", ", missing)
                            + ". Its columns are: " + String.join(", ", columns) + ".");
                }
                continue;
            }
            if (cells.values().stream().allMatch(String::isBlank)) {
                continue;
            }
            if (rows.size() >= limits.maxRows()) {
                throw new ImportRejected("The file has more than " + limits.maxRows() + " rows; split it into smaller files.");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                fields.put(columns.get(i), cells.getOrDefault(i, ""));
            }
            rows.add(new SourceRow(line, fields));
        }
        if (columns == null) {
            throw new ImportRejected("The spreadsheet is empty.");
        }
        return rows;
    }

    private static String value(Element cell, List<String> shared) {
        String type = cell.attr("t");
        if (type.equals("inlineStr")) {
            return cell.select("is t").eachText().stream().reduce("", String::concat);
        }
        List<Element> v = children(cell, "v");
        if (v.isEmpty()) {
            return "";
        }
        String raw = v.get(0).wholeText();
        if (type.equals("s")) {
            int index = Integer.parseInt(raw.trim());
            if (index < 0 || index >= shared.size()) {
                throw new ImportRejected("The Excel file is damaged: a cell points at a missing text.");
            }
            return shared.get(index);
        }
        return raw;
    }

    /** "C7" is column 2; cells without a reference follow the one before. */
    static int column(String reference, int next) {
        int column = 0;
        int letters = 0;
        for (char c : reference.toCharArray()) {
            if (c >= 'A' && c <= 'Z') {
                column = column * 26 + (c - 'A' + 1);
                letters++;
            } else {
                break;
            }
        }
        return letters == 0 ? next : column - 1;
    }

    private static List<Element> children(Element parent, String localName) {
        return parent.children().stream().filter(child -> child.tagName().equalsIgnoreCase(localName)
                || child.tagName().endsWith(":" + localName)).toList();
    }

    private static int number(String sheetPart) {
        return Integer.parseInt(sheetPart.replaceAll("\\D", ""));
    }

    private static Document xml(String text) {
        return Jsoup.parse(text, "", Parser.xmlParser());
    }

    private static Map<String, String> unzip(byte[] content, long maxUnpacked) {
        Map<String, String> parts = new HashMap<>();
        long unpacked = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                boolean wanted = name.equals("xl/sharedStrings.xml") || name.matches("xl/worksheets/sheet\\d+\\.xml");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    unpacked += read;
                    if (unpacked > maxUnpacked) {
                        throw new ImportRejected("The Excel file unpacks to more than " + maxUnpacked / (1024 * 1024)
                                + " MB; export a shorter period.");
                    }
                    if (wanted) {
                        out.write(buffer, 0, read);
                    }
                }
                if (wanted) {
                    parts.put(name, out.toString(StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new ImportRejected("The Excel file could not be read (" + e.getMessage() + "); it may be damaged.");
        }
        if (parts.isEmpty()) {
            throw new ImportRejected("The file is a ZIP archive without a worksheet; export your logbook again.");
        }
        return parts;
    }
}
