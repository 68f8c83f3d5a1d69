package dev.cruxlog.logbook.adapter.out.file;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cruxlog.logbook.domain.ImportLimits;
import dev.cruxlog.logbook.domain.ImportRejected;
import dev.cruxlog.logbook.domain.SourceRecords;
import dev.cruxlog.logbook.domain.SourceRow;
import dev.cruxlog.platform.testing.SharedData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JSON reader against the shared exports and against files made to exhaust memory (ASVS
 * 5.2.1, docs/security.md): a 20 MB file of empty records once held over half a gigabyte as a
 * tree; it is now refused at the row limit while the bytes stream, and what parsing it allocates
 * is measured.
 */
class JacksonJsonSourceFilesTest {

    private static final ImportLimits LIMITS = ImportLimits.DEFAULT;
    private final JacksonJsonSourceFiles reader = new JacksonJsonSourceFiles(JsonMapper.builder().build());

    @Test
    void readsEverySharedJsonExportAsItsTreeSays() throws IOException {
        for (String file : List.of("eight-a/ascents-boulder-160.json", "eight-a/ascents-boulder-178.json",
                "other-logbooks/27crags-export.json")) {
            byte[] content = Files.readAllBytes(SharedData.dir().resolve(file));
            String pointer = file.startsWith("eight-a") ? "/ascents" : "/climber/ascents";

            SourceRecords read = reader.parse(content, pointer, LIMITS);

            JsonNode root = JsonMapper.builder().build().readTree(content);
            JsonNode records = root.at(pointer);
            assertThat(read.rows()).as(file).hasSize(records.size()).isNotEmpty();
            for (int i = 0; i < records.size(); i++) {
                SourceRow row = read.rows().get(i);
                assertThat(row.line()).isEqualTo(i + 1);
                assertThat(row.fields()).as(file + " record " + (i + 1)).isEqualTo(scalars(records.get(i)));
            }
            JsonNode parent = root.at(pointer.substring(0, pointer.lastIndexOf('/')));
            assertThat(read.context()).as(file + " context").isEqualTo(scalars(parent.isMissingNode() ? root : parent));
        }
    }

    @Test
    void twentyMegabytesOfEmptyRecordsAreRefusedAtTheRowLimitWithoutHoldingThem() {
        byte[] bomb = fill("{\"ascents\":[", "{},", LIMITS.maxFileBytes());
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        assertThatThrownBy(() -> reader.parse(bomb, "/ascents", LIMITS))
                .isInstanceOf(ImportRejected.class).hasMessageContaining("more than 100000 ascents");

        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        // 100,000 empty rows and the parser's buffers; the tree of the whole file took 550 MB+.
        assertThat(allocated).as("bytes allocated while refusing it").isLessThan(64L * 1024 * 1024);
    }

    @Test
    void recordsOfManyFieldsOrNestedJunkAreRefusedOrSkippedByTheLimits() {
        StringBuilder wide = new StringBuilder("{\"ascents\":[{");
        for (int i = 0; i <= ImportLimits.MAX_COLUMNS; i++) {
            wide.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":1");
        }
        wide.append("}]}");
        assertThatThrownBy(() -> reader.parse(bytes(wide.toString()), "/ascents", LIMITS))
                .isInstanceOf(ImportRejected.class).hasMessageContaining("more than 128 fields");

        String deep = "[".repeat(400) + "]".repeat(400);
        SourceRecords read = reader.parse(bytes("{\"junk\":" + deep + ",\"ascents\":[{\"difficulty\":\"6B\",\"nested\":"
                + deep + ",\"comment\":null}]}"), "/ascents", LIMITS);
        assertThat(read.rows()).singleElement().extracting(SourceRow::fields).isEqualTo(Map.of("difficulty", "6B"));

        String longNote = "x".repeat(LIMITS.maxFieldChars() + 1);
        assertThatThrownBy(() -> reader.parse(bytes("{\"ascents\":[{\"comment\":\"" + longNote + "\"}]}"), "/ascents", LIMITS))
                .isInstanceOf(ImportRejected.class).hasMessageContaining("Record 1: the comment field is longer than 20000");
    }

    @Test
    void brokenOrMisshapenDocumentsAreRefusedWithTheirReason() {
        assertThatThrownBy(() -> reader.parse(bytes("{\"ascents\":[{\"difficulty\":\"6B\"}"), "/ascents", LIMITS))
                .isInstanceOf(ImportRejected.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> reader.parse(bytes("{\"ascents\":[]} {\"more\":1}"), "/ascents", LIMITS))
                .isInstanceOf(ImportRejected.class).hasMessageContaining("more after its JSON document ends");
        assertThatThrownBy(() -> reader.parse(bytes("{\"ascents\":{}}"), "/ascents", LIMITS))
                .isInstanceOf(ImportRejected.class).hasMessageContaining("no list of ascents at /ascents");
        assertThatThrownBy(() -> reader.parse(bytes("[{\"ascents\":[]}]"), "/ascents", LIMITS))
                .isInstanceOf(ImportRejected.class).hasMessageContaining("no list of ascents at /ascents");
        assertThatThrownBy(() -> reader.parse(bytes("{\"ascents\":[{}, 3]}"), "/ascents", LIMITS))
                .isInstanceOf(ImportRejected.class).hasMessageContaining("Record 2 of the JSON file is not an object");
        assertThat(reader.parse(bytes("{\"ascents\":[]}\n"), "/ascents", LIMITS).rows()).isEmpty();
    }

    /** What the tree reader kept of an object: its scalar fields as text, nulls left out. */
    private static Map<String, String> scalars(JsonNode node) {
        Map<String, String> fields = new LinkedHashMap<>();
        node.properties().forEach(field -> {
            if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                fields.put(field.getKey(), field.getValue().asString());
            }
        });
        return fields;
    }

    private static byte[] fill(String head, String unit, int size) {
        StringBuilder text = new StringBuilder(size + 16).append(head);
        while (text.length() + unit.length() + 4 < size) {
            text.append(unit);
        }
        return bytes(text.append("{}]}").toString());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
