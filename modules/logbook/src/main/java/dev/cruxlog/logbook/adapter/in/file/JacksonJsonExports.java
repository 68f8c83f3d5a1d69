package dev.cruxlog.logbook.adapter.in.file;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cruxlog.logbook.application.ExportRecords;
import dev.cruxlog.logbook.application.ImportLimits;
import dev.cruxlog.logbook.application.ImportRejected;
import dev.cruxlog.logbook.application.JsonExports;
import dev.cruxlog.logbook.application.SourceRow;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jackson over the uploaded bytes. Each record's scalar fields become text by name (nested
 * objects and arrays are not needed by any source and are left out); record numbers start at
 * 1, so a warning can name "record 12". The bytes are in memory, so nothing waits; parsing a
 * large file is CPU work, so it runs on the parallel scheduler, off the HTTP event loop.
 */
@Component
class JacksonJsonExports implements JsonExports {

    private final JsonMapper json;

    JacksonJsonExports(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<ExportRecords> read(byte[] content, String recordsPointer, ImportLimits limits) {
        return Mono.fromCallable(() -> parse(content, recordsPointer, limits)).subscribeOn(Schedulers.parallel());
    }

    ExportRecords parse(byte[] content, String recordsPointer, ImportLimits limits) {
        JsonNode root;
        try {
            root = json.readTree(content);
        } catch (JacksonException e) {
            throw new ImportRejected("The file is not valid JSON (" + e.getOriginalMessage()
                    + "). It may be truncated; export it again.");
        }
        JsonNode records = root.at(recordsPointer);
        if (!records.isArray()) {
            throw new ImportRejected("The JSON file has no list of ascents at " + recordsPointer + ".");
        }
        if (records.size() > limits.maxRows()) {
            throw new ImportRejected("The file has more than " + limits.maxRows() + " ascents; split it into smaller files.");
        }
        String parentPointer = recordsPointer.substring(0, recordsPointer.lastIndexOf('/'));
        Map<String, String> context = scalars(parentPointer.isEmpty() ? root : root.at(parentPointer), 0, limits);
        List<SourceRow> rows = new java.util.ArrayList<>(records.size());
        int number = 0;
        for (JsonNode record : records) {
            number++;
            if (!record.isObject()) {
                throw new ImportRejected("Record " + number + " of the JSON file is not an object.");
            }
            rows.add(new SourceRow(number, scalars(record, number, limits)));
        }
        return new ExportRecords(context, rows);
    }

    private static Map<String, String> scalars(JsonNode node, int record, ImportLimits limits) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            if (value.isValueNode() && !value.isNull()) {
                String text = value.asString();
                if (text.length() > limits.maxFieldChars()) {
                    throw new ImportRejected("Record " + record + ": the " + field.getKey() + " field is longer than "
                            + limits.maxFieldChars() + " characters.");
                }
                fields.put(field.getKey(), text);
            }
        }
        return fields;
    }
}
