package dev.cruxlog.logbook.domain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.cruxlog.grades.Grade;
import dev.cruxlog.grades.domain.GradeCatalog;
import dev.cruxlog.logbook.AscentStyle;
import dev.cruxlog.logbook.SendCounting;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/ascent-rules.md} is the rules table climbers and reviewers read; this test reads
 * it and checks every row against the code (issue #16: "write the rules as one table, tested
 * row by row"). A row the code disagrees with fails here, naming the row.
 */
class AscentRulesTableTest {

    private static final Path TABLE = Path.of("../../docs/ascent-rules.md");

    /** The rows of the table after {@code <!-- rules:name -->}, header and separator left out, cells trimmed. */
    private static List<String[]> rows(String name) throws IOException {
        List<String> lines = Files.readAllLines(TABLE, StandardCharsets.UTF_8);
        int start = lines.indexOf("<!-- rules:" + name + " -->");
        assertThat(start).as("table " + name + " in " + TABLE).isNotNegative();
        List<String[]> rows = new ArrayList<>();
        for (int i = start + 3; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String line = lines.get(i).trim();
            rows.add(Arrays.stream(line.substring(1, line.length() - 1).split("\\|", -1)).map(String::trim)
                    .toArray(String[]::new));
        }
        assertThat(rows).as("rows of " + name).hasSizeGreaterThan(5);
        return rows;
    }

    private static boolean yes(String cell) {
        assertThat(cell).isIn("yes", "no");
        return cell.equals("yes");
    }

    private static void assertSend(String row, AscentStyle style, String ascentStyle, String send, String withSetting) {
        assertThat(style.id()).as(row).isEqualTo(ascentStyle);
        assertThat(style.countsAsSend(SendCounting.LEADS_AND_BOULDERS)).as(row + " send").isEqualTo(yes(send));
        assertThat(style.countsAsSend(SendCounting.LEADS_TOP_ROPES_AND_FOLLOWS)).as(row + " send with setting")
                .isEqualTo(yes(withSetting));
    }

    @Test
    void mountainProjectRows() throws IOException {
        GradeCatalog catalog = new GradeCatalog();
        for (String[] cells : rows("mountain-project")) {
            String row = String.join(" | ", cells);
            Grade grade = catalog.parse(cells[3], null).orElseThrow();
            Classification result = MountainProjectClassifier.classify(cells[2], cells[0], cells[1], grade, cells[4]);
            boolean toConfirm = cells[5].endsWith("(to confirm)");
            assertThat(result.discipline().id()).as(row).isEqualTo(cells[5].replace("(to confirm)", "").trim());
            assertThat(result.disciplineConfirmed()).as(row + " confirmed").isEqualTo(!toConfirm);
            assertThat(result.send()).as(row).isEqualTo(yes(cells[7]));
            assertSend(row, result.style(), cells[6], cells[7], cells[8]);
        }
    }

    @Test
    void eightARows() throws IOException {
        for (String[] cells : rows("eight-a")) {
            Optional<AscentStyle> style = AscentTerms.eightA(cells[0], yes(cells[1]), yes(cells[2]));
            assertSend(String.join(" | ", cells), style.orElseThrow(), cells[3], cells[4], cells[5]);
        }
    }

    @Test
    void theCragRows() throws IOException {
        for (String[] cells : rows("thecrag")) {
            assertSend(String.join(" | ", cells), AscentTerms.theCrag(cells[0]).orElseThrow(), cells[1], cells[2], cells[3]);
        }
    }

    @Test
    void ukClimbingRows() throws IOException {
        for (String[] cells : rows("ukc")) {
            assertSend(String.join(" | ", cells), AscentTerms.ukc(cells[0]).orElseThrow(), cells[1], cells[2], cells[3]);
        }
    }
}
