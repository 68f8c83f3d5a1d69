package dev.cruxlog.logbook.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An import's new ticks as the figures will read them, gathered chunk by chunk while their drafts
 * are written and dropped: a figure tick keeps what the figures group and count by, not the notes
 * and source fields of its draft. A route without a link is keyed by the database (its name's case
 * rules are PostgreSQL's), so those keys are asked for once every chunk has been seen.
 */
public final class AddedTicks {

    private final List<FigureTick> ticks = new ArrayList<>();
    private final Set<NewTick.Unlinked> unlinked = new LinkedHashSet<>();
    /**
     * Each value the file's ticks repeat, held once: a crag's path parts, grades, days, a route
     * climbed again. Every row parses its own copies; kept per tick, 20,000 new ticks held about
     * ten strings each until the write, all copied by each young collection of the import
     * (docs/benchmarks.md, twentieth session).
     */
    private final Map<Object, Object> held = new HashMap<>();

    public void add(List<NewTick> chunk) {
        for (NewTick tick : chunk) {
            TickDraft draft = tick.draft();
            if (draft.routeUrl() == null) {
                unlinked.add(new NewTick.Unlinked(draft.route(), draft.location()));
            }
            // As the figures will read it once stored; a route without a link is keyed in keyed().
            ticks.add(new FigureTick(tick.id(), once(draft.routeUrl()), once(draft.route()), once(draft.location()),
                    draft.locationPath().stream().map(this::once).toList(), once(draft.climbedOn()),
                    draft.discipline().id(), once(draft.grade()), once(draft.gradeIndex()), once(draft.gradeLevel()),
                    draft.style().id(), draft.style().isSend(), draft.pitches(), once(draft.lengthFt())));
        }
    }

    /** The value equal to this one that an earlier tick of the file holds, else this one. */
    @SuppressWarnings("unchecked")
    private <T> T once(T value) {
        return value == null ? null : (T) held.computeIfAbsent(value, first -> first);
    }

    /** The distinct routes without a link among the ticks so far, in the order first seen. */
    public List<NewTick.Unlinked> unlinkedRoutes() {
        return List.copyOf(unlinked);
    }

    /**
     * Every tick so far as the figures read it.
     *
     * @param keys the database's key of each of {@link #unlinkedRoutes}, in the same order
     */
    public List<FigureTick> keyed(List<String> keys) {
        if (keys.size() != unlinked.size()) {
            throw new IllegalArgumentException(unlinked.size() + " routes but " + keys.size() + " keys");
        }
        Map<NewTick.Unlinked, String> keyOf = new HashMap<>();
        int i = 0;
        for (NewTick.Unlinked route : unlinked) {
            keyOf.put(route, keys.get(i++));
        }
        List<FigureTick> keyed = new ArrayList<>(ticks.size());
        for (FigureTick tick : ticks) {
            if (tick.routeKey() != null) {
                keyed.add(tick);
                continue;
            }
            String key = keyOf.get(new NewTick.Unlinked(tick.route(), tick.location()));
            if (key == null) {
                // A route without a link and without its key would be counted as no route at all.
                throw new IllegalArgumentException("No key for the route '" + tick.route() + "' at " + tick.location());
            }
            keyed.add(tick.withRouteKey(key));
        }
        return keyed;
    }

    public boolean isEmpty() {
        return ticks.isEmpty();
    }
}
