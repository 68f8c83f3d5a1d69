package dev.cruxlog.logbook.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Uploaded file names as Cruxlog keeps them (ASVS 5.4.1): base name, no control characters, bounded. */
class UploadedFileNameTest {

    @Test
    void realNamesAreKeptAsTheyAre() {
        assertThat(UploadedFileName.of("ticks (1).csv").value()).isEqualTo("ticks (1).csv");
        assertThat(UploadedFileName.of("Kletterbuch – Frankenjura.xlsx").extension()).isEqualTo("xlsx");
        assertThat(UploadedFileName.of("ASCENTS.JSON").extension()).isEqualTo("json");
    }

    @Test
    void foldersControlAndOverrideCharactersAreDroppedAndLengthIsBounded() {
        assertThat(UploadedFileName.of("../../etc/passwd").value()).isEqualTo("passwd");
        assertThat(UploadedFileName.of("C:\\Users\\ada\\ticks.csv").value()).isEqualTo("ticks.csv");
        assertThat(UploadedFileName.of("ticks\r\nX-Injected: 1.csv").value()).isEqualTo("ticksX-Injected: 1.csv");
        // U+202E would show "ticks\u202Evsc.exe" as "ticksexe.csv".
        assertThat(UploadedFileName.of("ticks\u202Evsc.exe").value()).isEqualTo("ticksvsc.exe");
        assertThat(UploadedFileName.of("a".repeat(10_000) + ".csv").value()).hasSize(UploadedFileName.MAX_LENGTH);
    }

    @Test
    void nothingLeftIsNoNameAndNoDotIsNoExtension() {
        assertThat(UploadedFileName.of(null)).isNull();
        assertThat(UploadedFileName.of(" \u0000\t/")).isNull();
        assertThat(UploadedFileName.of("export").extension()).isNull();
        assertThat(UploadedFileName.of(".csv").extension()).isNull();
        assertThat(UploadedFileName.of("ticks.").extension()).isNull();
    }
}
