package dev.cruxlog.logbook.adapter.out.file;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cruxlog.logbook.application.JsonSourceFiles;
import dev.cruxlog.logbook.domain.ImportLimits;
import dev.cruxlog.logbook.domain.ImportRejected;
import dev.cruxlog.logbook.domain.SourceRecords;
import dev.cruxlog.logbook.domain.SourceRow;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jackson's streaming parser over the uploaded bytes. Each record's scalar fields become text
 * by name (nested objects and arrays are not needed by any source and are skipped as they
 * stream by); record numbers start at 1, so a warning can name "record 12".
 * <p>
 * Streaming, not a tree: a tree of the whole file is built before its size can be judged, and
 * Jackson's tree gives every object a map, so 20 MB of {@code {},{},...} held over half a
 * gigabyte (ASVS walk, docs/security.md). Here rows are counted as they are read and the file is
 * refused at the first row, field or column over the limits, so what one import can hold is
 * bounded by {@link ImportLimits}, as for CSV and Excel files. The bytes are in memory, so
 * nothing waits; parsing is CPU work, so it runs on the parallel scheduler, off the event loop.
 */
@Component
class JacksonJsonSourceFiles implements JsonSourceFiles {

    private final JsonMapper json;

    JacksonJsonSourceFiles(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<SourceRecords> read(byte[] content, String recordsPointer, ImportLimits limits) {
        return Mono.fromCallable(() -> parse(content, recordsPointer, limits)).subscribeOn(Schedulers.parallel());
    }

    SourceRecords parse(byte[] content, String recordsPointer, ImportLimits limits) {
        try (JsonParser parser = json.createParser(content)) {
            Walk walk = new Walk(parser, segments(recordsPointer), limits);
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                walk.object(0);
            } else {
                parser.skipChildren();
            }
            if (parser.nextToken() != null) {
                throw new ImportRejected("The file has more after its JSON document ends; export it again.");
            }
            if (walk.rows == null) {
                throw new ImportRejected("The JSON file has no list of ascents at " + recordsPointer + ".");
            }
            return new SourceRecords(walk.context, walk.rows);
        } catch (JacksonException e) {
            throw new ImportRejected("The file is not valid JSON (" + e.getOriginalMessage()
                    + "). It may be truncated; export it again.");
        }
    }

    /** "/climber/ascents" → [climber, ascents], unescaped as RFC 6901 says. */
    private static List<String> segments(String pointer) {
        if (!pointer.startsWith("/")) {
            throw new IllegalArgumentException("not a JSON pointer: " + pointer);
        }
        return List.of(pointer.substring(1).split("/", -1)).stream()
                .map(segment -> segment.replace("~1", "/").replace("~0", "~")).toList();
    }

    /** One pass over the document, following the pointer to the records and skipping the rest. */
    private static final class Walk {
        private final JsonParser parser;
        private final List<String> path;
        private final ImportLimits limits;
        private Map<String, String> context = Map.of();
        private List<SourceRow> rows;
        private long fields;

        Walk(JsonParser parser, List<String> path, ImportLimits limits) {
            this.parser = parser;
            this.path = path;
            this.limits = limits;
        }

        /** The parser is on the START_OBJECT of the object at {@code depth} along the path. */
        void object(int depth) {
            boolean parent = depth == path.size() - 1;
            Map<String, String> scalars = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(path.get(depth)) && parent) {
                    if (value != JsonToken.START_ARRAY) {
                        throw new ImportRejected("The JSON file has no list of ascents at /" + String.join("/", path) + ".");
                    }
                    records();
                } else if (name.equals(path.get(depth)) && value == JsonToken.START_OBJECT) {
                    object(depth + 1);
                } else if (parent && value.isScalarValue()) {
                    put(scalars, name, 0);
                } else {
                    parser.skipChildren();
                }
            }
            if (parent) {
                context = scalars;
            }
        }

        /** The parser is on the records' START_ARRAY. */
        private void records() {
            List<SourceRow> read = new ArrayList<>();
            int number = 0;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                number++;
                if (number > limits.maxRows()) {
                    throw new ImportRejected("The file has more than " + limits.maxRows()
                            + " ascents; split it into smaller files.");
                }
                if (token != JsonToken.START_OBJECT) {
                    throw new ImportRejected("Record " + number + " of the JSON file is not an object.");
                }
                read.add(new SourceRow(number, record(number)));
            }
            rows = read;
        }

        private Map<String, String> record(int number) {
            Map<String, String> record = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                if (parser.nextToken().isScalarValue()) {
                    put(record, name, number);
                    if (record.size() > ImportLimits.MAX_COLUMNS) {
                        throw new ImportRejected("Record " + number + " has more than " + ImportLimits.MAX_COLUMNS
                                + " fields; this is not a logbook export.");
                    }
                } else {
                    parser.skipChildren();
                }
            }
            return record;
        }

        /** A scalar as text (numbers as written in the file); nulls are left out, as absent. */
        private void put(Map<String, String> fields, String name, int record) {
            if (parser.currentToken() == JsonToken.VALUE_NULL) {
                return;
            }
            String text = parser.getString();
            if (text.length() > limits.maxFieldChars()) {
                throw new ImportRejected((record == 0 ? "The " : "Record " + record + ": the ") + name
                        + " field is longer than " + limits.maxFieldChars() + " characters.");
            }
            if (fields.put(name, text) == null && ++this.fields > ImportLimits.MAX_FIELDS) {
                throw ImportLimits.tooManyFields();
            }
        }
    }
}
