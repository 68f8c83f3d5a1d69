package dev.cruxlog.logbook.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SourceColumnsTest {

    private final SourceColumns columns = SourceColumns.of(List.of("Date", "Route", "Notes"));

    @Test
    void aRowReadsItsValuesByColumnNameTrimmedAndEmptyForAColumnTheFileHasNot() {
        SourceRow row = columns.row(7, new String[] {"2024-05-01", " Moonlight Buttress ", ""});

        assertThat(row.line()).isEqualTo(7);
        assertThat(row.get("Route")).isEqualTo("Moonlight Buttress");
        assertThat(row.get("Notes")).isEmpty();
        assertThat(row.get("Tags")).isEmpty();
        assertThat(row.fields().containsKey("Notes")).isTrue();
        assertThat(row.fields().containsKey("Tags")).isFalse();
    }

    @Test
    void rowsOfOneTableShareTheHeaderButNotTheirValues() {
        SourceRow first = columns.row(2, new String[] {"2024-05-01", "A", "one"});
        SourceRow second = columns.row(3, new String[] {"2024-05-02", "B", "two"});

        assertThat(first.get("Route")).isEqualTo("A");
        assertThat(second.get("Route")).isEqualTo("B");
        assertThat(second.get("Notes")).isEqualTo("two");
    }

    @Test
    void aRowIsTheMapAFileReaderWouldHaveFilledInColumnOrder() {
        SourceColumns repeated = SourceColumns.of(List.of("Date", "Notes", "Route", "Notes"));
        String[] values = {"2024-05-01", "first notes", "A", "last notes"};
        Map<String, String> filled = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            filled.put(List.of("Date", "Notes", "Route", "Notes").get(i), values[i]);
        }

        Map<String, String> row = repeated.row(2, values).fields();

        assertThat(row).isEqualTo(filled).hasSize(3);
        assertThat(row.get("Notes")).isEqualTo("last notes");
        assertThat(row.keySet()).containsExactlyElementsOf(filled.keySet());
        assertThat(row.entrySet()).containsExactlyElementsOf(filled.entrySet());
        assertThat(row.hashCode()).isEqualTo(filled.hashCode());
        assertThat(row.get(null)).isNull();
        assertThat(row.containsKey(null)).isFalse();
    }

    @Test
    void aRowWithMoreOrFewerValuesThanTheHeaderIsRefused() {
        assertThatThrownBy(() -> columns.row(2, new String[] {"2024-05-01", "A"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> columns.row(2, new String[] {"2024-05-01", "A", "", "extra"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRowCannotBeChangedThroughItsMap() {
        Map<String, String> row = columns.row(2, new String[] {"2024-05-01", "A", ""}).fields();

        assertThatThrownBy(() -> row.put("Route", "B")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(row.get("Route")).isEqualTo("A");
    }
}
