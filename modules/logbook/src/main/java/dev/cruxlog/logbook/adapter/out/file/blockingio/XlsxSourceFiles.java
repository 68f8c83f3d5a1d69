package dev.cruxlog.logbook.adapter.out.file.blockingio;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import dev.cruxlog.logbook.application.SpreadsheetSourceFiles;
import dev.cruxlog.logbook.domain.ImportLimits;
import dev.cruxlog.logbook.domain.ImportRejected;
import dev.cruxlog.logbook.domain.SourceColumns;
import dev.cruxlog.logbook.domain.SourceRow;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The first worksheet of an .xlsx file, read as a stream: the ZIP entries are inflated through
 * a byte budget and their XML pulled with the JDK's StAX parser (no DTDs, no entities), one
 * element at a time. Every limit is checked as the bytes arrive, never after: unpacked size,
 * element depth, columns, cell length and row count. What a file can make the server hold is
 * the rows it is allowed to have, whatever it unpacks to.
 *
 * <p>Why not a library: fastexcel-reader (the maintained streaming reader we checked) keeps no
 * such limits. A cell reference such as {@code ZZZZZZ1} in a file of a few hundred bytes makes
 * it allocate one list slot per column up to 321 million; a shared string or a row is held
 * whole however large it unpacks; and ZIP inflation is unbounded (ADR 0013).
 *
 * <p>Two passes over the upload (at most 20 MB, in memory): the first reads the shared strings
 * (which a ZIP may store after the sheet) and counts every entry's unpacked bytes against the
 * budget; the second streams the worksheet. {@link ZipInputStream} is a blocking stream API,
 * so the read runs on {@code boundedElastic}.
 */
@Component
public class XlsxSourceFiles implements SpreadsheetSourceFiles {

    /** Unpacked bytes allowed per pass, as a multiple of the upload limit (20 MB: 60 MB). */
    static final int MAX_UNPACKED_FACTOR = 3;
    /** Logbook exports have a few dozen columns (Excel itself stops at 16,384). */
    static final int MAX_COLUMNS = ImportLimits.MAX_COLUMNS;
    /** A worksheet nests about five deep; an XML bomb nests millions. */
    static final int MAX_ELEMENT_DEPTH = 64;
    /**
     * A logbook workbook holds 10 to 20 ZIP entries; 20 MB of empty ones would be hundreds of
     * thousands, each walked twice (ASVS 5.2.3 asks for a count limit beside the size limit).
     */
    static final int MAX_ENTRIES = 1_000;

    private static final Pattern WORKSHEET = Pattern.compile("xl/worksheets/sheet(\\d{1,6})\\.xml");
    private static final String SHARED_STRINGS = "xl/sharedStrings.xml";
    private static final XMLInputFactory XML = safeFactory();

    @Override
    public Mono<List<SourceRow>> read(byte[] content, List<String> requiredColumns, ImportLimits limits) {
        return Mono.fromCallable(() -> parse(content, requiredColumns, limits)).subscribeOn(Schedulers.boundedElastic());
    }

    static List<SourceRow> parse(byte[] content, List<String> requiredColumns, ImportLimits limits) {
        long budget = (long) limits.maxFileBytes() * MAX_UNPACKED_FACTOR;
        Workbook workbook = scan(content, new UnpackBudget(budget), limits);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals(workbook.firstSheet())) {
                    return new SheetReader(workbook.sharedStrings(), requiredColumns, limits)
                            .read(new Budgeted(zip, new UnpackBudget(budget)));
                }
            }
        } catch (IOException e) {
            throw damaged(e);
        }
        throw new ImportRejected("The Excel file has no worksheet.");
    }

    /** What the first pass learns: the shared strings and the name of the first worksheet. */
    private record Workbook(List<String> sharedStrings, String firstSheet) {
    }

    private static Workbook scan(byte[] content, UnpackBudget budget, ImportLimits limits) {
        List<String> shared = List.of();
        String firstSheet = null;
        int firstNumber = Integer.MAX_VALUE;
        boolean anyEntry = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            int entries = 0;
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                anyEntry = true;
                if (++entries > MAX_ENTRIES) {
                    throw new ImportRejected("The Excel file holds more than " + MAX_ENTRIES
                            + " parts; this is not a logbook export.");
                }
                String name = entry.getName();
                Budgeted bytes = new Budgeted(zip, budget);
                Matcher sheet = WORKSHEET.matcher(name);
                if (name.equals(SHARED_STRINGS)) {
                    shared = readSharedStrings(bytes, limits);
                } else if (sheet.matches() && Integer.parseInt(sheet.group(1)) < firstNumber) {
                    firstNumber = Integer.parseInt(sheet.group(1));
                    firstSheet = name;
                }
                // Every entry is inflated through the budget, read or not.
                bytes.drain();
            }
        } catch (IOException e) {
            throw damaged(e);
        }
        if (!anyEntry) {
            throw new ImportRejected("The file is not an Excel workbook (no ZIP entries); export your logbook again.");
        }
        if (firstSheet == null) {
            throw new ImportRejected("The Excel file has no worksheet.");
        }
        return new Workbook(shared, firstSheet);
    }

    /** {@code <sst><si><t>..</t></si><si><r><t>a</t></r><r><t>b</t></r></si>}: phonetic runs ({@code rPh}) left out. */
    private static List<String> readSharedStrings(InputStream in, ImportLimits limits) {
        List<String> strings = new ArrayList<>();
        XMLStreamReader xml = open(in);
        try {
            int depth = 0;
            BoundedText text = null;
            boolean inText = false;
            boolean inPhonetic = false;
            while (xml.hasNext()) {
                switch (xml.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth = deeper(depth);
                        switch (xml.getLocalName()) {
                            case "si" -> text = new BoundedText(limits.maxFieldChars(), "A shared text");
                            case "rPh" -> inPhonetic = true;
                            case "t" -> inText = text != null && !inPhonetic;
                            default -> { }
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (inText) {
                            text.append(xml);
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        depth--;
                        switch (xml.getLocalName()) {
                            case "si" -> {
                                strings.add(text.toString());
                                text = null;
                            }
                            case "rPh" -> inPhonetic = false;
                            case "t" -> inText = false;
                            default -> { }
                        }
                    }
                    default -> { }
                }
            }
            return strings;
        } catch (XMLStreamException e) {
            throw damaged(e);
        } finally {
            close(xml);
        }
    }

    /** The worksheet's rows, streamed: the header row first, then each non-blank row as a {@link SourceRow}. */
    private static final class SheetReader {

        private final List<String> shared;
        private final List<String> requiredColumns;
        private final ImportLimits limits;
        private final List<SourceRow> rows = new ArrayList<>();
        private List<String> columns;
        private SourceColumns table;
        private long fieldsKept;

        SheetReader(List<String> shared, List<String> requiredColumns, ImportLimits limits) {
            this.shared = shared;
            this.requiredColumns = requiredColumns;
            this.limits = limits;
        }

        List<SourceRow> read(InputStream in) {
            XMLStreamReader xml = open(in);
            try {
                int depth = 0;
                int line = 1;
                TreeMap<Integer, String> cells = null;
                int column = -1;
                String type = null;
                BoundedText value = null;
                boolean inline = false;
                boolean inValue = false;
                while (xml.hasNext()) {
                    switch (xml.next()) {
                        case XMLStreamConstants.START_ELEMENT -> {
                            depth = deeper(depth);
                            switch (xml.getLocalName()) {
                                case "row" -> {
                                    line = rowNumber(xml.getAttributeValue(null, "r"), rows.size() + 2);
                                    cells = new TreeMap<>();
                                }
                                case "c" -> {
                                    if (cells != null) {
                                        column = column(xml.getAttributeValue(null, "r"),
                                                cells.isEmpty() ? 0 : cells.lastKey() + 1, line);
                                        type = xml.getAttributeValue(null, "t");
                                        value = new BoundedText(limits.maxFieldChars(), "Row " + line + ": a cell");
                                        inline = false;
                                    }
                                }
                                case "is" -> inline = true;
                                // A value or a shared-text index is in <v>; inline text in <is><t>.
                                case "v" -> inValue = value != null && !inline;
                                case "t" -> inValue = value != null && inline;
                                default -> { }
                            }
                        }
                        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                            if (inValue) {
                                value.append(xml);
                            }
                        }
                        case XMLStreamConstants.END_ELEMENT -> {
                            depth--;
                            switch (xml.getLocalName()) {
                                case "v", "t" -> inValue = false;
                                case "c" -> {
                                    if (cells != null && value != null) {
                                        keep(cells, column, cellValue(type, value.toString(), line));
                                    }
                                    value = null;
                                }
                                case "row" -> {
                                    if (cells != null) {
                                        endRow(cells, line);
                                    }
                                    cells = null;
                                }
                                default -> { }
                            }
                        }
                        default -> { }
                    }
                }
            } catch (XMLStreamException e) {
                throw damaged(e);
            } finally {
                close(xml);
            }
            if (columns == null) {
                throw new ImportRejected("The spreadsheet is empty.");
            }
            return rows;
        }

        private void keep(TreeMap<Integer, String> cells, int column, String value) {
            // Data cells right of the header have no column name: nothing to keep them for.
            if (columns == null || column < columns.size()) {
                cells.put(column, value);
            }
        }

        private void endRow(TreeMap<Integer, String> cells, int line) {
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
                table = SourceColumns.of(columns);
                return;
            }
            if (cells.values().stream().allMatch(String::isBlank)) {
                return;
            }
            if (rows.size() >= limits.maxRows()) {
                throw new ImportRejected("The file has more than " + limits.maxRows() + " rows; split it into smaller files.");
            }
            fieldsKept += columns.size();
            if (fieldsKept > ImportLimits.MAX_FIELDS) {
                throw ImportLimits.tooManyFields();
            }
            String[] values = new String[columns.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = cells.getOrDefault(i, "");
            }
            rows.add(table.row(line, values));
        }

        private String cellValue(String type, String raw, int line) {
            if ("s".equals(type)) {
                int index;
                try {
                    index = Integer.parseInt(raw.trim());
                } catch (NumberFormatException e) {
                    throw new ImportRejected("The Excel file is damaged: row " + line + " points at a text by '" + raw + "'.");
                }
                if (index < 0 || index >= shared.size()) {
                    throw new ImportRejected("The Excel file is damaged: a cell points at a missing text.");
                }
                return shared.get(index);
            }
            return raw;
        }
    }

    /** "C7" is column 2; a cell without a reference follows the one before. */
    static int column(String reference, int next, int line) {
        if (reference == null || reference.isEmpty() || reference.charAt(0) < 'A' || reference.charAt(0) > 'Z') {
            if (next >= MAX_COLUMNS) {
                throw tooManyColumns(line);
            }
            return next;
        }
        int column = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c < 'A' || c > 'Z') {
                break;
            }
            column = column * 26 + (c - 'A' + 1);
            // Checked per letter, so no reference can overflow or name a column past the limit.
            if (column > MAX_COLUMNS) {
                throw tooManyColumns(line);
            }
        }
        return column - 1;
    }

    private static ImportRejected tooManyColumns(int line) {
        return new ImportRejected("Row " + line + " has more than " + MAX_COLUMNS + " columns; this is not a logbook export.");
    }

    private static int rowNumber(String reference, int fallback) {
        if (reference == null || reference.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(reference);
        } catch (NumberFormatException e) {
            throw new ImportRejected("The Excel file is damaged: a row is numbered '"
                    + reference.substring(0, Math.min(reference.length(), 20)) + "'.");
        }
    }

    private static int deeper(int depth) {
        if (depth + 1 > MAX_ELEMENT_DEPTH) {
            throw new ImportRejected("The Excel file is damaged: its XML nests deeper than " + MAX_ELEMENT_DEPTH + " levels.");
        }
        return depth + 1;
    }

    private static XMLStreamReader open(InputStream in) {
        try {
            return XML.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw damaged(e);
        }
    }

    private static void close(XMLStreamReader xml) {
        try {
            xml.close();
        } catch (XMLStreamException ignored) {
            // Closing a reader over bytes in memory releases nothing that could fail.
        }
    }

    /** The JDK's own StAX parser (not whichever a jar registers), with DTDs and entities off. */
    private static XMLInputFactory safeFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }

    private static ImportRejected damaged(Exception e) {
        if (e.getCause() instanceof ImportRejected rejected) {
            return rejected;
        }
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ImportRejected("The Excel file could not be read ("
                + reason.substring(0, Math.min(reason.length(), 200)) + "); it may be damaged.");
    }

    /** Text of one cell or shared string, refused as soon as it passes the longest field allowed. */
    private static final class BoundedText {

        private final int maxChars;
        private final String what;
        private final StringBuilder text = new StringBuilder();

        BoundedText(int maxChars, String what) {
            this.maxChars = maxChars;
            this.what = what;
        }

        void append(XMLStreamReader xml) {
            if (text.length() + xml.getTextLength() > maxChars) {
                throw new ImportRejected(what + " is longer than " + maxChars + " characters.");
            }
            text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** Unpacked bytes one pass over the ZIP may still inflate. */
    private static final class UnpackBudget {

        private final long total;
        private long remaining;

        UnpackBudget(long total) {
            this.total = total;
            this.remaining = total;
        }

        void spend(int bytes) {
            remaining -= bytes;
            if (remaining < 0) {
                throw new ImportRejected("The Excel file unpacks to more than " + total / (1024 * 1024)
                        + " MB; export a shorter period.");
            }
        }
    }

    /**
     * One ZIP entry's inflated bytes, drawn from the budget every entry of a pass shares: past
     * it the import is refused, whichever entry (read or skipped) used it up. Closing it leaves
     * the ZIP stream open for the next entry.
     */
    private static final class Budgeted extends FilterInputStream {

        private final UnpackBudget budget;

        Budgeted(InputStream zip, UnpackBudget budget) {
            super(zip);
            this.budget = budget;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                budget.spend(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                budget.spend(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // Skipped bytes are inflated too: they go through the budget like read ones.
            byte[] scratch = new byte[8192];
            long left = n;
            while (left > 0) {
                int read = read(scratch, 0, (int) Math.min(left, scratch.length));
                if (read < 0) {
                    break;
                }
                left -= read;
            }
            return n - left;
        }

        /** Inflates the rest of the entry through the budget, keeping nothing. */
        void drain() throws IOException {
            byte[] scratch = new byte[8192];
            while (read(scratch, 0, scratch.length) >= 0) {
                // counted in read
            }
        }

        @Override
        public void close() {
            // The ZIP stream stays open: the next entry is read from it.
        }
    }
}
