package dev.cruxlog.coach;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.cruxlog.platform.StoredIds;

/**
 * Where a coach's answer is: being written, complete, stopped by the climber, or failed (what
 * had arrived is kept in every case). Its {@link #id()} is what the API's JSON, the answer's
 * server-sent events and the {@code coach.message.status} column hold.
 */
public enum AnswerStatus {
    STREAMING("streaming"),
    COMPLETE("complete"),
    CANCELLED("cancelled"),
    FAILED("failed");

    private final String id;

    AnswerStatus(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** The status a stored id names; an unknown one is a row this code did not write. */
    public static AnswerStatus fromId(String id) {
        return StoredIds.byId(values(), AnswerStatus::id, id);
    }

    @Override
    public String toString() {
        return id;
    }
}
