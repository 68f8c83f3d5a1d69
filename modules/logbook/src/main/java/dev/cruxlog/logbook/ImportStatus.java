package dev.cruxlog.logbook;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.cruxlog.platform.StoredIds;

/**
 * Where an import is: waiting for a worker, running, or finished one way or the other. Its
 * {@link #id()} is what the API's JSON and the {@code logbook.import.status} column hold.
 */
public enum ImportStatus {
    QUEUED("queued"),
    RUNNING("running"),
    SUCCEEDED("succeeded"),
    FAILED("failed");

    private final String id;

    ImportStatus(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** Succeeded or failed: nothing more will happen to it. */
    public boolean finished() {
        return this == SUCCEEDED || this == FAILED;
    }

    /** The status a stored id names; an unknown one is a row this code did not write. */
    public static ImportStatus fromId(String id) {
        return StoredIds.byId(values(), ImportStatus::id, id);
    }

    @Override
    public String toString() {
        return id;
    }
}
