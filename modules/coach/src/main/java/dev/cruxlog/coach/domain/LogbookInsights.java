package dev.cruxlog.coach.domain;

import java.util.ArrayList;
import java.util.List;

import dev.cruxlog.analytics.PyramidView;
import dev.cruxlog.logbook.TickView;

/**
 * The coach's answer when no model is configured: what the climber's own numbers say,
 * computed, not written by a model, and labelled as such. It does not pretend to read the
 * question; it says what the data shows and what the next grade needs.
 */
public final class LogbookInsights {

    public static final String LABEL = "Insights from your logbook (no AI model is configured on this Cruxlog, so these "
            + "are computed from your data rather than written by a coach):";

    private LogbookInsights() {
    }

    /**
     * What the named grade needs: sends at it so far, and under it the classic pyramid (2, 4, 8,
     * 16 sends on the four levels below) against what the climber has on each.
     */
    static String named(NamedGrade named) {
        StringBuilder point = new StringBuilder("You asked about ").append(named.grade()).append(" (")
                .append(named.discipline()).append("): you have ").append(named.sendsAt())
                .append(named.sendsAt() == 1 ? " send" : " sends").append(" at ").append(named.grade()).append('.');
        if (named.below().isEmpty()) {
            return point.toString();
        }
        List<String> have = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (NamedGrade.Step step : named.below()) {
            have.add(step.ideal() + " at " + step.grade() + " (you have " + step.sends() + ")");
            if (step.sends() < step.ideal()) {
                int more = step.ideal() - step.sends();
                missing.add(more + " more " + step.grade() + " send" + (more == 1 ? "" : "s"));
            }
        }
        point.append(" A pyramid that supports it has ").append(String.join(", ", have))
                .append(missing.isEmpty() ? ": yours already does." : ": " + String.join(", ", missing) + ".");
        return point.toString();
    }

    public static String answer(CoachContext context) {
        List<String> points = new ArrayList<>();
        if (context.namedGrade() != null) {
            points.add(named(context.namedGrade()));
        }
        for (PyramidView pyramid : context.pyramids()) {
            if (pyramid.levels().isEmpty()) {
                continue;
            }
            PyramidView.Level top = pyramid.levels().get(0);
            String thin = pyramid.levels().stream().filter(level -> level.sends() < level.idealSends())
                    .map(level -> level.grade() + " (" + level.sends() + " send" + (level.sends() == 1 ? "" : "s")
                            + " where " + level.idealSends() + " would support the level above)")
                    .reduce((a, b) -> a + ", " + b).orElse(null);
            StringBuilder point = new StringBuilder("Your ").append(pyramid.discipline()).append(" pyramid tops out at ")
                    .append(top.grade()).append(" with ").append(top.sends()).append(top.sends() == 1 ? " send" : " sends")
                    .append('.');
            if (thin != null) {
                point.append(" It is thin at ").append(thin).append('.');
            }
            if (pyramid.next() != null) {
                point.append(' ').append(pyramid.next().summary());
            }
            points.add(point.toString());
        }
        List<TickView> recent = context.recentTicks();
        if (recent.isEmpty()) {
            points.add("Nothing logged in the last " + CoachContext.RECENT_DAYS + " days: a steady week of climbing is the "
                    + "first thing any plan needs.");
        } else {
            // Sends as the climber counts them: a follow is not a send unless they count follows.
            List<TickView> sent = recent.stream().filter(t -> context.counting().countsAsSend(t.style())).toList();
            long sends = sent.size();
            long days = recent.stream().map(TickView::date).distinct().count();
            TickView hardest = sent.stream().filter(t -> t.gradeIndex() != null)
                    .max(java.util.Comparator.comparingInt(TickView::gradeIndex)).orElse(null);
            points.add("In the last " + CoachContext.RECENT_DAYS + " days: " + recent.size() + " ticks on " + days
                    + (days == 1 ? " day" : " days") + ", " + sends + " of them sends"
                    + (hardest == null ? "." : "; the hardest was " + hardest.route() + " (" + hardest.grade() + ")."));
        }
        if (context.overview() != null && context.overview().ticks() > 0) {
            points.add("Over the last 12 months your send rate is " + Math.round(context.overview().sendRate() * 100)
                    + "% across " + context.overview().daysOutside() + " days out.");
        }
        if (points.size() == 1 && context.pyramids().stream().allMatch(p -> p.levels().isEmpty())) {
            points.add("Import your logbook and these insights will describe your pyramids and progress.");
        }
        StringBuilder text = new StringBuilder(LABEL).append("\n\n");
        // The first point answers the grade the question named; the rest is the general picture.
        points.forEach(point -> text.append("- ").append(point).append('\n'));
        return text.toString();
    }
}
