package dev.cruxlog.logbook;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportStatusTest {

    @Test
    void eachStatusIsReadBackFromWhatItStoresAndWritesInJson() {
        JsonMapper json = JsonMapper.builder().build();
        for (ImportStatus status : ImportStatus.values()) {
            assertThat(ImportStatus.fromId(status.id())).isSameAs(status);
            assertThat(json.writeValueAsString(status)).isEqualTo("\"" + status.id() + "\"");
        }
        assertThat(ImportStatus.SUCCEEDED.id()).isEqualTo("succeeded");
    }

    @Test
    void onlySucceededAndFailedAreFinished() {
        assertThat(ImportStatus.QUEUED.finished()).isFalse();
        assertThat(ImportStatus.RUNNING.finished()).isFalse();
        assertThat(ImportStatus.SUCCEEDED.finished()).isTrue();
        assertThat(ImportStatus.FAILED.finished()).isTrue();
    }

    @Test
    void aStatusThisCodeDidNotWriteIsAnError() {
        assertThatThrownBy(() -> ImportStatus.fromId("paused")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("paused");
    }
}
