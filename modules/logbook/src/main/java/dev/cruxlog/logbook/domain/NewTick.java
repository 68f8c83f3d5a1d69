package dev.cruxlog.logbook.domain;

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
}
