package dev.cruxlog.coach.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import dev.cruxlog.analytics.PyramidView;
import dev.cruxlog.logbook.LogbookStatistics;
import dev.cruxlog.logbook.TickView;

/**
 * Turns a {@link CoachContext} into chat messages within a token budget. The instructions,
 * profile, pyramids and overview always go in; then the question; then as many of the recent
 * ticks (newest first) and earlier messages (newest first) as the budget allows. What was
 * left out is counted, so the climber can see it.
 *
 * <p>Tokens are estimated at four characters each, the usual rule of thumb for English text
 * with OpenAI-style tokenizers; the budget leaves the model room to answer.
 */
public final class PromptBuilder {

    static final String INSTRUCTIONS = """
            You are Cruxlog's climbing coach. Answer the climber's question from their own data below:
            their profile, their recent ticks, their performance pyramids and their overview. Be specific
            (name grades, routes, numbers), practical (what to do next session and next month), and careful
            with injuries (suggest a professional when pain is involved). If the data cannot answer the
            question, say what is missing. Grades are shown as the climber logged them.""";

    private PromptBuilder() {
    }

    /**
     * @param messages        the messages to send, system first, question last
     * @param estimatedTokens the estimate for all of them
     * @param ticksLeftOut    recent ticks that did not fit
     * @param messagesLeftOut earlier messages that did not fit
     */
    public record Prompt(List<ChatTurn> messages, int estimatedTokens, int budget, int ticksLeftOut, int messagesLeftOut) {
    }

    public static Prompt build(CoachContext context, int budget) {
        StringBuilder system = new StringBuilder(INSTRUCTIONS).append("\n\nToday is ").append(context.today()).append('.');
        Map<String, String> profile = context.profile().described();
        system.append("\n\n## The climber\n");
        if (profile.isEmpty()) {
            system.append("(No profile filled in yet.)\n");
        }
        profile.forEach((label, value) -> system.append("- ").append(label).append(": ").append(value).append('\n'));
        system.append("\n## Overview of the last 12 months\n").append(overview(context.overview()));
        system.append("\n## Performance pyramids (all time, hardest level first)\n");
        if (context.pyramids().stream().allMatch(p -> p.levels().isEmpty())) {
            system.append("(No sends logged yet.)\n");
        }
        for (PyramidView pyramid : context.pyramids()) {
            system.append(pyramid(pyramid));
        }
        ChatTurn question = ChatTurn.user(context.question());
        int used = tokens(system) + tokens(question.content()) + 8;

        StringBuilder ticks = new StringBuilder("\n## Ticks of the last " + CoachContext.RECENT_DAYS + " days (newest first)\n");
        int ticksIn = 0;
        for (TickView tick : context.recentTicks()) {
            String line = tick(tick);
            if (used + tokens(ticks) + tokens(line) > budget) {
                break;
            }
            ticks.append(line);
            ticksIn++;
        }
        if (context.recentTicks().isEmpty()) {
            ticks.append("(None.)\n");
        }
        system.append(ticks);
        used = tokens(system) + tokens(question.content()) + 8;

        List<ChatTurn> history = new ArrayList<>();
        for (int i = context.history().size() - 1; i >= 0; i--) {
            ChatTurn turn = context.history().get(i);
            int cost = tokens(turn.content()) + 4;
            if (used + cost > budget) {
                break;
            }
            history.add(turn);
            used += cost;
        }
        Collections.reverse(history);

        List<ChatTurn> messages = new ArrayList<>();
        messages.add(ChatTurn.system(system.toString()));
        messages.addAll(history);
        messages.add(question);
        return new Prompt(List.copyOf(messages), used, budget, context.recentTicks().size() - ticksIn,
                context.history().size() - history.size());
    }

    static int tokens(CharSequence text) {
        return (text.length() + 3) / 4;
    }

    private static String overview(LogbookStatistics.Overview overview) {
        if (overview == null || overview.ticks() == 0) {
            return "(Nothing logged in the last 12 months.)\n";
        }
        StringBuilder text = new StringBuilder();
        text.append("- ").append(overview.ticks()).append(" ticks, ").append(overview.pitches()).append(" pitches, ")
                .append(overview.daysOutside()).append(" days out, send rate ")
                .append(Math.round(overview.sendRate() * 100)).append("%\n");
        text.append("- Disciplines: ").append(overview.disciplines()).append('\n');
        overview.bestSends().forEach(best -> text.append("- Hardest ").append(best.discipline()).append(" send: ")
                .append(best.route()).append(' ').append(best.grade()).append(" on ").append(best.date()).append('\n'));
        if (overview.projectAttempts() > 0) {
            text.append("- Attempts on projects: ").append(overview.projectAttempts()).append('\n');
        }
        return text.toString();
    }

    private static String pyramid(PyramidView pyramid) {
        if (pyramid.levels().isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("### ").append(pyramid.discipline()).append('\n');
        for (PyramidView.Level level : pyramid.levels()) {
            text.append("- ").append(level.grade()).append(": ").append(level.sends()).append(" sends (ideal ")
                    .append(level.idealSends()).append(")");
            List<String> routes = level.routes().stream().limit(4).map(r -> r.route() + " (" + r.style()
                    + (r.attempts() > 1 ? ", " + r.attempts() + " tries" : "") + ")").toList();
            if (!routes.isEmpty()) {
                text.append(": ").append(String.join(", ", routes));
            }
            text.append('\n');
        }
        if (pyramid.next() != null) {
            text.append("- Next grade: ").append(pyramid.next().summary()).append('\n');
        }
        return text.toString();
    }

    private static String tick(TickView tick) {
        return "- " + tick.date() + " " + tick.route() + " " + tick.grade() + " " + tick.discipline() + " " + tick.style()
                + (tick.location() == null || tick.location().isBlank() ? "" : " at " + tick.location())
                + (tick.notes() == null || tick.notes().isBlank() ? "" : " (notes: " + abbreviate(tick.notes()) + ")") + "\n";
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 140 ? flat.substring(0, 140) + "…" : flat;
    }
}
