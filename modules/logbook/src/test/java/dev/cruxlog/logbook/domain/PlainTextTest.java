package dev.cruxlog.logbook.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import dev.cruxlog.platform.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Notes as served: markup gone, the climber's text kept, and the shortcut equal to the cleaner. */
class PlainTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            <b>Sent</b> it!                            | Sent it!
            <script>alert(1)</script>Crux at bolt 3     | Crux at bolt 3
            "<img src=x onerror=alert(1)>fell twice"    | fell twice
            5.10 < 5.11 & 5.9 > 5.8                    | 5.10 < 5.11 & 5.9 > 5.8
            Tom &amp; Jerry &lt;3                      | Tom & Jerry <3
            <a href='javascript:x()'>beta</a> here      | beta here
            """)
    void markupIsRemovedAndTextKept(String note, String served) {
        assertThat(PlainText.of(note)).isEqualTo(served);
    }

    @Test
    void absentNotesStayAbsentAndPlainTextIsUntouched() {
        assertThat(PlainText.of(null)).isNull();
        String plain = "  Two  spaces, \"quotes\", 'apostrophes', ümlauts, emoji 🧗 and a\nnew line, tab\there  ";
        assertThat(PlainText.mayHoldMarkup(plain)).isFalse();
        assertThat(PlainText.of(plain)).isSameAs(plain).isEqualTo(PlainText.cleaned(plain));
    }

    @Test
    void carriageReturnsGoThroughTheCleanerLikeMarkup() {
        assertThat(PlainText.mayHoldMarkup("line\r\nbreak")).isTrue();
        assertThat(PlainText.of("line\r\nbreak")).isEqualTo(PlainText.cleaned("line\r\nbreak"));
    }

    /**
     * The shortcut (text without '<', '&', CR or NUL is served as it is) must give what the
     * cleaner gives: checked on every cell of every CSV export in ../shared/data.
     */
    @Test
    void theShortcutAgreesWithTheCleanerOnEveryCellOfTheSharedExports() throws IOException, CsvException {
        List<String> cells = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SharedData.dir())) {
            for (Path csv : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                     CSVReader rows = new CSVReader(reader)) {
                    rows.readAll().forEach(row -> cells.addAll(List.of(row)));
                }
            }
        }
        List<String> plain = cells.stream().filter(cell -> !PlainText.mayHoldMarkup(cell)).toList();
        assertThat(plain).hasSizeGreaterThan(10_000);
        assertThat(plain).allSatisfy(cell -> assertThat(PlainText.cleaned(cell)).isEqualTo(cell));
    }
}
