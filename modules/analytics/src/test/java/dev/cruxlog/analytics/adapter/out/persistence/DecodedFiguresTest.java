package dev.cruxlog.analytics.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecodedFiguresTest {

    @Test
    void theLeastRecentlyReadGoFirstOnceTheBodiesPassTheBound() {
        DecodedFigures figures = new DecodedFigures(1_000);
        figures.put("a/overview", 1, "A", 400);
        figures.put("b/overview", 2, "B", 400);
        assertThat(figures.get("a/overview").value()).isEqualTo("A");

        figures.put("c/overview", 3, "C", 400);

        assertThat(figures.get("b/overview")).as("read least lately").isNull();
        assertThat(figures.get("a/overview").revision()).isEqualTo(1);
        assertThat(figures.bodyBytes()).isEqualTo(800);
    }

    @Test
    void aNewRevisionReplacesTheOldOneAndABodyOverTheBoundIsNotHeld() {
        DecodedFigures figures = new DecodedFigures(1_000);
        figures.put("a/days", 1, "old", 600);
        figures.put("a/days", 2, "new", 300);
        figures.put("b/days", 3, "huge", 1_001);

        assertThat(figures.get("a/days")).isEqualTo(new DecodedFigures.Held(2, "new", 300));
        assertThat(figures.get("b/days")).isNull();
        assertThat(figures.bodyBytes()).isEqualTo(300);
    }

    @Test
    void anErasedClimbersFiguresAreForgotten() {
        DecodedFigures figures = new DecodedFigures(1_000);
        figures.put("a/LEADS_AND_BOULDERS/days", 1, "A", 100);
        figures.put("a/LEADS_AND_BOULDERS/overview", 2, "A", 100);
        figures.put("b/LEADS_AND_BOULDERS/days", 3, "B", 100);

        figures.forget("a/");

        assertThat(figures.get("a/LEADS_AND_BOULDERS/days")).isNull();
        assertThat(figures.get("b/LEADS_AND_BOULDERS/days")).isNotNull();
        assertThat(figures.bodyBytes()).isEqualTo(100);
    }

    @Test
    void zeroHoldsNothing() {
        DecodedFigures figures = new DecodedFigures(0);
        figures.put("a/days", 1, "A", 1);
        assertThat(figures.get("a/days")).isNull();
    }
}
