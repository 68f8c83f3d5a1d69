package dev.cruxlog.coach.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.cruxlog.analytics.PyramidView;
import dev.cruxlog.logbook.LogbookStatistics;
import dev.cruxlog.logbook.TickView;
import org.junit.jupiter.api.Test;

class PromptBuilderTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @Test
    void everythingFitsInAGenerousBudgetInOrder() {
        CoachContext context = context(3, List.of(ChatTurn.user("Earlier question"), ChatTurn.assistant("Earlier answer")));
        PromptBuilder.Prompt prompt = PromptBuilder.build(context, 100_000);

        assertThat(prompt.messages()).extracting(ChatTurn::role).containsExactly(ChatTurn.Role.SYSTEM, ChatTurn.Role.USER,
                ChatTurn.Role.ASSISTANT, ChatTurn.Role.USER);
        String system = prompt.messages().get(0).content();
        assertThat(system).contains("Goals: Redpoint 7b").contains("### sport").contains("- 7a: 1 sends (ideal 2)")
                .contains("Next grade: For 7a+: 1 more 7a send.").contains("Route 0").contains("Route 2");
        assertThat(prompt.messages().get(3).content()).isEqualTo("What next?");
        assertThat(prompt.ticksLeftOut()).isZero();
        assertThat(prompt.messagesLeftOut()).isZero();
    }

    @Test
    void aTightBudgetDropsOldTicksFirstAndCountsThem() {
        PromptBuilder.Prompt prompt = PromptBuilder.build(context(200, history(10)), 1_500);

        assertThat(prompt.estimatedTokens()).isLessThanOrEqualTo(1_500);
        assertThat(prompt.ticksLeftOut()).isBetween(1, 199);
        String system = prompt.messages().get(0).content();
        assertThat(system).contains("Route 0").doesNotContain("Route 199");
        assertThat(system).contains("Goals: Redpoint 7b").contains("### sport");
        assertThat(prompt.messagesLeftOut()).as("the ticks filled the budget").isEqualTo(10);
        assertThat(prompt.messages()).hasSize(2);
        assertThat(prompt.messages().get(1).content()).isEqualTo("What next?");
    }

    @Test
    void earlierMessagesThatDoNotFitGoOldestFirst() {
        int everything = PromptBuilder.build(context(3, history(10)), 100_000).estimatedTokens();
        // Room for all but about three of the ten 55-token messages.
        PromptBuilder.Prompt prompt = PromptBuilder.build(context(3, history(10)), everything - 160);

        assertThat(prompt.ticksLeftOut()).isZero();
        assertThat(prompt.messagesLeftOut()).isBetween(1, 9);
        List<ChatTurn> kept = prompt.messages().subList(1, prompt.messages().size() - 1);
        assertThat(kept).hasSize(10 - prompt.messagesLeftOut());
        assertThat(kept.get(kept.size() - 1).content()).startsWith("Question 9");
        assertThat(kept.get(0).content()).startsWith("Question " + prompt.messagesLeftOut());
    }

    private static List<ChatTurn> history(int count) {
        List<ChatTurn> history = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            history.add(ChatTurn.user("Question " + i + " " + "x".repeat(200)));
        }
        return history;
    }

    @Test
    void insightsAreLabelledAndNameTheThinLevel() {
        String answer = LogbookInsights.answer(context(3, List.of()));
        assertThat(answer).startsWith(LogbookInsights.LABEL)
                .contains("Your sport pyramid tops out at 7a with 1 send.")
                .contains("It is thin at 7a (1 send where 2 would support the level above)")
                .contains("In the last 30 days: 3 ticks on 3 days, 3 of them sends; the hardest was Route 0 (6c).");
    }

    private static CoachContext context(int ticks, List<ChatTurn> history) {
        List<TickView> recent = new ArrayList<>();
        for (int i = 0; i < ticks; i++) {
            recent.add(new TickView(UUID.randomUUID(), TODAY.minusDays(i), "Route " + i, "6c", "french", 170 - i, 17, null,
                    "sport", true, true, "redpoint", 1, null, "Siurana, Spain", List.of("Spain", "Siurana"), null, null,
                    null, BigDecimal.ONE, "manual", List.of(), List.of(), false));
        }
        PyramidView sport = new PyramidView("sport", "french", null, null, List.of(
                new PyramidView.Level("7a", 180, 18, 1, 2, List.of(new PyramidView.Route("k", "Hard One", "Siurana",
                        TODAY.minusDays(40), "7a", 5, 3, "redpoint", null, null)))),
                new PyramidView.NextGrade("7a+", List.of(new PyramidView.Need("7a", 1)), "For 7a+: 1 more 7a send."));
        LogbookStatistics.Overview overview = new LogbookStatistics.Overview(40, 45, 12, TODAY.minusYears(1), 3, 1, 30,
                Map.of("sport", 40L), List.of(), List.of(), List.of(), 4, 0, Map.of());
        return new CoachContext(TODAY, new ClimberProfile("Redpoint 7b", 5, 3, 120, null, null, null, null, null, null, null,
                null, null), recent, List.of(sport), overview, history, "What next?",
                dev.cruxlog.logbook.SendCounting.LEADS_AND_BOULDERS, null);
    }
}
