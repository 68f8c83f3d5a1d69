package dev.cruxlog.logbook.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** OWASP's CSV-injection rule in the export, and its exact inverse when our export is read back. */
class CsvExportTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1", "-cmd|x", "@SUM(A1)", "\tTab", "\rCR", "'=quoted", "''+twice", "-5c crux"})
    void formulaLikeFieldsAreNeutralisedAndRestoredExactly(String field) {
        String written = CsvExport.neutralised(field);
        assertThat(written).startsWith("'");
        assertThat(CsvExport.restored(written)).isEqualTo(field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "2.8", "-0.5", "Plain note", "", "'quoted but harmless", "2024-01-01", "A > B"})
    void everythingElseIsWrittenAsItIs(String field) {
        assertThat(CsvExport.neutralised(field)).isEqualTo(field);
        assertThat(CsvExport.restored(field)).isEqualTo(field);
    }

    @Test
    void onlyCruxlogsOwnExportIsRestored() {
        Map<String, String> ours = new LinkedHashMap<>();
        ours.put("Notes", "'=SUM(1)");
        ours.put(CsvExport.ID_COLUMN, "0b0c7a0e-0000-4000-8000-000000000000");
        Map<String, String> theirs = Map.of("Notes", "'=SUM(1)");

        assertThat(CsvExport.restored(List.of(new SourceRow(2, ours))).get(0).get("Notes")).isEqualTo("=SUM(1)");
        assertThat(CsvExport.restored(List.of(new SourceRow(2, theirs))).get(0).get("Notes")).isEqualTo("'=SUM(1)");
    }
}
