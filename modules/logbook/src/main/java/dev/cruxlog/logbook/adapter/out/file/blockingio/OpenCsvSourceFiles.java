package dev.cruxlog.logbook.adapter.out.file.blockingio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
import dev.cruxlog.logbook.application.CsvSourceFiles;
import dev.cruxlog.logbook.domain.ImportLimits;
import dev.cruxlog.logbook.domain.ImportRejected;
import dev.cruxlog.logbook.domain.SourceColumns;
import dev.cruxlog.logbook.domain.SourceRow;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * opencsv over the uploaded bytes. opencsv's API is a blocking Reader, so the whole read
 * runs on {@code boundedElastic}; the bytes are already in memory, so it never waits on a
 * socket or disk. Handles a byte-order mark, CRLF, quoted multi-line notes, and refuses
 * unclosed quotes, rows with more or fewer fields than the header, a quoted field that swallowed
 * the next rows, oversized fields and too many rows, with a message naming the line. Refusing
 * the file leaves the logbook as it was: an import writes no tick before every chunk is read.
 */
@Component
public class OpenCsvSourceFiles implements CsvSourceFiles {

    private static final int MAX_PREAMBLE_RECORDS = 10;

    /**
     * A line break inside a quoted field followed by what starts a row of every logbook we read
     * (a date, then at least four more fields): a stray quote made the field run on into the next
     * rows. A note whose line starts with a date and a word or two ("2023-07-02, summit") is kept.
     */
    private static final java.util.regex.Pattern SWALLOWED_ROW =
            java.util.regex.Pattern.compile("[\\r\\n]\\s*\"?\\d{4}-\\d{2}-\\d{2}\"?\\s*,([^\\r\\n,]*,){3}");

    /**
     * Read as the subscriber asks, {@code chunkRows} at a time, on {@code boundedElastic} (requests
     * included, so a chunk is never parsed on the thread that asked for it). A file refused at its
     * thousandth row has already handed on the rows before it: the import writes no tick until
     * every chunk is read, and reads them before it opens the transaction it writes in.
     */
    @Override
    public Flux<List<SourceRow>> rows(byte[] content, List<String> requiredColumns, ImportLimits limits, int chunkRows) {
        return Flux.<List<SourceRow>, Table>generate(() -> Table.open(content, requiredColumns, limits), (table, sink) -> {
                    List<SourceRow> chunk = table.next(chunkRows);
                    if (chunk.isEmpty()) {
                        sink.complete();
                    } else {
                        sink.next(chunk);
                    }
                    return table;
                }, Table::close)
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** One file being read: its header found, then its rows as they are asked for. */
    private static final class Table implements AutoCloseable {

        private final byte[] content;
        private final ImportLimits limits;
        private final CSVReader csv;
        private final List<String> columns;
        private final SourceColumns table;
        private int rowsRead;
        private long fields;
        private long recordStart;

        private Table(byte[] content, ImportLimits limits, CSVReader csv, List<String> columns) {
            this.content = content;
            this.limits = limits;
            this.csv = csv;
            this.columns = columns;
            this.table = SourceColumns.of(columns);
            this.recordStart = csv.getLinesRead() + 1;
        }

        static Table open(byte[] content, List<String> requiredColumns, ImportLimits limits) {
            Reader reader = new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8);
            // RFC 4180: a quote inside a field is doubled, and a backslash is a backslash. opencsv's
            // default parser treats '\' as an escape and silently dropped it from notes and names.
            CSVReader csv = new CSVReaderBuilder(reader).withCSVParser(new RFC4180ParserBuilder().build())
                    .withMultilineLimit(limits.maxLinesPerRecord()).build();
            try {
                return new Table(content, limits, csv, header(csv, requiredColumns));
            } catch (RuntimeException refused) {
                closeQuietly(csv);
                throw refused;
            }
        }

        /**
         * Some exports (Sendage) open with a few lines about the export: the header is the
         * first record, within the first few, that has every required column.
         */
        private static List<String> header(CSVReader csv, List<String> requiredColumns) {
            List<String> columns = null;
            List<String> firstRecord = null;
            try {
                for (int preamble = 0; preamble < MAX_PREAMBLE_RECORDS && columns == null; preamble++) {
                    String[] header = csv.readNext();
                    if (header == null) {
                        break;
                    }
                    List<String> candidate = new ArrayList<>();
                    for (String column : header) {
                        candidate.add(column.replace("\uFEFF", "").trim());
                    }
                    if (firstRecord == null) {
                        firstRecord = candidate;
                    }
                    if (candidate.containsAll(requiredColumns)) {
                        columns = candidate;
                    }
                }
            } catch (IOException | CsvException e) {
                throw unreadable(e);
            }
            if (firstRecord == null) {
                throw new ImportRejected("The file has no header row.");
            }
            if (columns == null) {
                List<String> header = firstRecord;
                List<String> missing = requiredColumns.stream().filter(c -> !header.contains(c)).toList();
                throw new ImportRejected("The file is missing the column(s) " + String.join(", ", missing)
                        + ". Its columns are: " + String.join(", ", header) + ".");
            }
            if (columns.size() > ImportLimits.MAX_COLUMNS) {
                throw ImportLimits.tooManyColumns();
            }
            return columns;
        }

        /** Up to {@code max} more rows; none at the end of the file. */
        List<SourceRow> next(int max) {
            List<SourceRow> rows = new ArrayList<>(Math.min(max, 1024));
            try {
                String[] record;
                while (rows.size() < max && (record = csv.readNext()) != null) {
                    if (rowsRead >= limits.maxRows()) {
                        throw new ImportRejected("The file has more than " + limits.maxRows() + " rows; split it into smaller files.");
                    }
                    if (record.length == 1 && record[0].isBlank()) {
                        recordStart = csv.getLinesRead() + 1;
                        continue;
                    }
                    check(record);
                    rows.add(table.row((int) recordStart, record));
                    rowsRead++;
                    recordStart = csv.getLinesRead() + 1;
                }
            } catch (IOException | CsvException e) {
                throw unreadable(e);
            }
            return rows;
        }

        private void check(String[] record) throws IOException {
            if (record.length != columns.size()) {
                boolean cutOff = record.length < columns.size() && csv.peek() == null && !endsWithLineBreak(content);
                // A download cut short ends mid-row. Importing the rest would be wrong: the last
                // row's grade may itself be cut ("5.1" of "5.11a") and the climber would never know.
                throw new ImportRejected(cutOff
                        ? "The file stops in the middle of line " + recordStart + " (" + record.length + " of "
                                + columns.size() + " columns, no line break after it): it looks cut off. "
                                + "Download the export again and import the whole file."
                        : "Line " + recordStart + " has " + record.length + " fields where the header has "
                                + columns.size() + ": a field may hold an unquoted comma, or a quote may be missing. "
                                + "Nothing was imported; fix that line or export the file again.");
            }
            fields += record.length;
            if (fields > ImportLimits.MAX_FIELDS) {
                throw ImportLimits.tooManyFields();
            }
            for (int i = 0; i < record.length; i++) {
                if (record[i].length() > limits.maxFieldChars()) {
                    throw new ImportRejected("Line " + recordStart + ": the " + columns.get(i) + " field is longer than "
                            + limits.maxFieldChars() + " characters.");
                }
                // The pattern starts at a line break: a field without one cannot match, and
                // nearly every field has none (the search was a regular expression per field).
                if (hasLineBreak(record[i]) && SWALLOWED_ROW.matcher(record[i]).find()) {
                    throw new ImportRejected("Line " + recordStart + ": the " + columns.get(i) + " field runs over a "
                            + "line break into what looks like the next row (a date and a comma): a quote is probably "
                            + "not closed. Nothing was imported; fix that line or export the file again.");
                }
            }
        }

        @Override
        public void close() {
            closeQuietly(csv);
        }

        private static void closeQuietly(CSVReader csv) {
            try {
                csv.close();
            } catch (IOException ignored) {
                // A reader over bytes in memory holds nothing to release.
            }
        }

        private static ImportRejected unreadable(Exception e) {
            return new ImportRejected("The file could not be read as CSV: " + e.getMessage()
                    + ". It may be truncated or have an unclosed quote.");
        }
    }

    private static boolean hasLineBreak(String field) {
        return field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0;
    }

    private static boolean endsWithLineBreak(byte[] content) {
        return content.length > 0 && (content[content.length - 1] == '\n' || content[content.length - 1] == '\r');
    }
}
