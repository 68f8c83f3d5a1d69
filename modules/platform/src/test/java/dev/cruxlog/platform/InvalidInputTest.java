package dev.cruxlog.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A page without per-field marks names the field in the message; other errors keep theirs. */
class InvalidInputTest {

    @Test
    void aPagesMessageNamesTheFieldOnlyWhenThereIsOne() {
        assertThat(InvalidInput.namingTheField(new InvalidInput("limit", "1 to 200."))).isEqualTo("limit: 1 to 200.");
        assertThat(InvalidInput.namingTheField(new InvalidInput(null, "Not a logbook."))).isEqualTo("Not a logbook.");
        assertThat(InvalidInput.namingTheField(new IllegalArgumentException("Unknown discipline 'x'")))
                .isEqualTo("Unknown discipline 'x'");
    }
}
