package dev.cruxlog.coach.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The stop's payload crosses instances as text; anything else on the channel is ignored. */
class AnswerStopsTest {

    @Test
    void aStopSurvivesItsPayload() {
        AnswerStops.Stop stop = new AnswerStops.Stop(UUID.randomUUID(), UUID.randomUUID());

        assertThat(AnswerStops.Stop.fromPayload(stop.payload())).contains(stop);
    }

    @Test
    void aMalformedPayloadStandsForNoStop() {
        assertThat(AnswerStops.Stop.fromPayload("")).isEmpty();
        assertThat(AnswerStops.Stop.fromPayload("not-a-uuid " + UUID.randomUUID())).isEmpty();
        assertThat(AnswerStops.Stop.fromPayload(UUID.randomUUID().toString())).isEmpty();
        assertThat(AnswerStops.Stop.fromPayload(UUID.randomUUID() + " " + UUID.randomUUID() + " extra")).isEmpty();
    }
}
