package dev.cruxlog.logbook.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import dev.cruxlog.logbook.AscentStyle;
import dev.cruxlog.logbook.Discipline;
import org.junit.jupiter.api.Test;

/** A draft's text is what the database will store, so an import's figures fold what is stored. */
class WellFormedTextTest {

    private static final String HALF_AN_EMOJI = "Crimp " + (char) 0xD83D + " Line";
    private static final String WHOLE_EMOJI = "Crimp \uD83D\uDE00 Line";

    @Test
    void aLoneSurrogateBecomesWhatUtf8EncodingStoresAndAPairStays() {
        assertThat(WellFormedText.of(HALF_AN_EMOJI))
                .isEqualTo(new String(HALF_AN_EMOJI.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .isEqualTo("Crimp ? Line");
        assertThat(WellFormedText.of(String.valueOf((char) 0xDE00) + "x")).isEqualTo("?x");
        assertThat(WellFormedText.of(WHOLE_EMOJI)).isSameAs(WHOLE_EMOJI);
        assertThat(WellFormedText.of("plain")).isSameAs("plain");
        assertThat(WellFormedText.of((String) null)).isNull();
    }

    @Test
    void everyTextOfADraftIsMadeWellFormedAndItsHashIsTheOneComputedBefore() {
        TickDraft draft = new TickDraft("eight-a", "2024-05-01|" + HALF_AN_EMOJI, HALF_AN_EMOJI, LocalDate.of(2024, 5, 1),
                "7a", "french", 120, 12, null, null, Discipline.SPORT, true, AscentStyle.REDPOINT, "rp", null, null, 1, null,
                HALF_AN_EMOJI, List.of("Spain", HALF_AN_EMOJI), null, HALF_AN_EMOJI, null, null, null, null, List.of(HALF_AN_EMOJI));

        assertThat(List.of(draft.route(), draft.location(), draft.locationPath().get(1), draft.notes(), draft.tags().get(0)))
                .containsOnly("Crimp ? Line");
        assertThat(draft.sourceKey()).isEqualTo("2024-05-01|Crimp ? Line");
        assertThat(draft.contentHash()).as("SHA-256 of the UTF-8 bytes: a '?' for the lone surrogate, then as now")
                .isEqualTo(new TickDraft("eight-a", "2024-05-01|Crimp ? Line", "Crimp ? Line", LocalDate.of(2024, 5, 1),
                        "7a", "french", 120, 12, null, null, Discipline.SPORT, true, AscentStyle.REDPOINT, "rp", null, null, 1,
                        null, "Crimp ? Line", List.of("Spain", "Crimp ? Line"), null, "Crimp ? Line", null, null, null, null,
                        List.of("Crimp ? Line")).contentHash());
    }
}
