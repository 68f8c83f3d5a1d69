package dev.cruxlog.coach;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnswerStatusTest {

    @Test
    void eachStatusIsReadBackFromWhatItStoresAndWritesInJson() {
        JsonMapper json = JsonMapper.builder().build();
        for (AnswerStatus status : AnswerStatus.values()) {
            assertThat(AnswerStatus.fromId(status.id())).isSameAs(status);
            assertThat(json.writeValueAsString(status)).isEqualTo("\"" + status.id() + "\"");
        }
        // The stored values the table's CHECK constraint allows.
        assertThat(AnswerStatus.values()).extracting(AnswerStatus::id)
                .containsExactly("streaming", "complete", "cancelled", "failed");
    }

    @Test
    void aStatusThisCodeDidNotWriteIsAnError() {
        assertThatThrownBy(() -> AnswerStatus.fromId("paused")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("paused");
    }
}
