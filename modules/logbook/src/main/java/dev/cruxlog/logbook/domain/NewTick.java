package dev.cruxlog.logbook.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A draft about to be inserted, with the id it will have: chosen before the write, so the
 * figures of a logbook that gains it can be folded while PostgreSQL copies it (ADR 0023).
 */
public record NewTick(UUID id, TickDraft draft) {

    public NewTick {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(draft, "draft");
    }

    public static NewTick of(TickDraft draft) {
        return new NewTick(UUID.randomUUID(), draft);
    }

    /**
     * The tick as the figures will read it once stored.
     *
     * @param lowerCasedRoute the route name lower-cased by the database ({@code lower(route)}),
     *                        which keys a route that has no link
     */
    public FigureTick figureTick(String lowerCasedRoute) {
        String routeKey = draft.routeUrl() != null ? draft.routeUrl()
                : lowerCasedRoute + "|" + (draft.location() == null ? "" : draft.location());
        return new FigureTick(id, routeKey, draft.route(), draft.location(), draft.locationPath(), draft.climbedOn(),
                draft.discipline().id(), draft.grade(), draft.gradeIndex(), draft.gradeLevel(), draft.style().id(),
                draft.style().isSend(), draft.pitches(), draft.lengthFt());
    }

    /** The distinct route names of the ticks without a link: those a route key is made from. */
    public static List<String> unlinkedRouteNames(List<NewTick> ticks) {
        return ticks.stream().map(NewTick::draft).filter(draft -> draft.routeUrl() == null).map(TickDraft::route)
                .distinct().toList();
    }

    /**
     * Every tick as the figures will read it.
     *
     * @param names   {@link #unlinkedRouteNames} of these ticks
     * @param lowered the same names lower-cased by the database, in the same order
     */
    public static List<FigureTick> figureTicks(List<NewTick> ticks, List<String> names, List<String> lowered) {
        if (names.size() != lowered.size()) {
            throw new IllegalArgumentException(names.size() + " names but " + lowered.size() + " lower-cased");
        }
        Map<String, String> lowerCased = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            lowerCased.put(names.get(i), lowered.get(i));
        }
        return ticks.stream().map(tick -> {
            String name = lowerCased.get(tick.draft().route());
            if (name == null && tick.draft().routeUrl() == null) {
                throw new IllegalArgumentException("No lower-cased name for '" + tick.draft().route() + "'");
            }
            return tick.figureTick(name);
        }).toList();
    }
}
