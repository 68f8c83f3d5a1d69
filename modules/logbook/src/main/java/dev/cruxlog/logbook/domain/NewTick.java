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

    /** A route without a link: its key is made from its name and location (by the database). */
    public record Unlinked(String route, String location) {
    }

    /**
     * The tick as the figures will read it once stored.
     *
     * @param unlinkedKey the key the database gives the route when the tick has no link
     */
    public FigureTick figureTick(String unlinkedKey) {
        String routeKey = draft.routeUrl() != null ? draft.routeUrl() : unlinkedKey;
        return new FigureTick(id, routeKey, draft.route(), draft.location(), draft.locationPath(), draft.climbedOn(),
                draft.discipline().id(), draft.grade(), draft.gradeIndex(), draft.gradeLevel(), draft.style().id(),
                draft.style().isSend(), draft.pitches(), draft.lengthFt());
    }

    /** The distinct routes without a link among these ticks: those the database keys. */
    public static List<Unlinked> unlinkedRoutes(List<NewTick> ticks) {
        return ticks.stream().map(NewTick::draft).filter(draft -> draft.routeUrl() == null)
                .map(draft -> new Unlinked(draft.route(), draft.location())).distinct().toList();
    }

    /**
     * Every tick as the figures will read it.
     *
     * @param unlinked {@link #unlinkedRoutes} of these ticks
     * @param keys     the database's key of each, in the same order
     */
    public static List<FigureTick> figureTicks(List<NewTick> ticks, List<Unlinked> unlinked, List<String> keys) {
        if (unlinked.size() != keys.size()) {
            throw new IllegalArgumentException(unlinked.size() + " routes but " + keys.size() + " keys");
        }
        Map<Unlinked, String> keyOf = new HashMap<>();
        for (int i = 0; i < unlinked.size(); i++) {
            keyOf.put(unlinked.get(i), keys.get(i));
        }
        return ticks.stream().map(tick -> {
            TickDraft draft = tick.draft();
            String key = draft.routeUrl() != null ? null : keyOf.get(new Unlinked(draft.route(), draft.location()));
            if (key == null && draft.routeUrl() == null) {
                throw new IllegalArgumentException("No key for the route '" + draft.route() + "' at " + draft.location());
            }
            return tick.figureTick(key);
        }).toList();
    }
}
