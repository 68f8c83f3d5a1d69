package dev.cruxlog.logbook;

import java.util.Locale;

/**
 * How the climb went. Climbers, 8a.nu and theCrag count a send as a lead (or a boulder) without
 * weighting the rope: a clean top rope or follow is an ascent, shown as what it is, and counts
 * as a send only when the climber asks for that ({@link SendCounting}).
 */
public enum AscentStyle {
    ONSIGHT(Kind.SEND),
    FLASH(Kind.SEND),
    REDPOINT(Kind.SEND),
    PINKPOINT(Kind.SEND),
    /** A clean top-rope ascent. */
    TOP_ROPE(Kind.ROPE_FROM_ABOVE),
    /** Seconding someone else's lead, clean. */
    FOLLOW(Kind.ROPE_FROM_ABOVE),
    SOLO(Kind.SEND),
    REPEAT(Kind.SEND),
    /** Not sent: fell, hung, or did not finish. */
    ATTEMPT(Kind.NOT_CLEAN);

    private enum Kind { SEND, ROPE_FROM_ABOVE, NOT_CLEAN }

    private final Kind kind;

    AscentStyle(Kind kind) {
        this.kind = kind;
    }

    /** A lead or boulder send: what every headline figure counts. */
    public boolean isSend() {
        return kind == Kind.SEND;
    }

    /** A clean ascent on a rope from above (top rope, follow): a send only if the climber counts those. */
    public boolean isRopeFromAbove() {
        return kind == Kind.ROPE_FROM_ABOVE;
    }

    /** Sent on the first try: onsight or flash. */
    public boolean isFirstTry() {
        return this == ONSIGHT || this == FLASH;
    }

    /** Sent after tries, draws placed (redpoint) or hanging (pinkpoint). */
    public boolean isRedpoint() {
        return this == REDPOINT || this == PINKPOINT;
    }

    /** Whether this ascent counts as a send under the climber's counting. */
    public boolean countsAsSend(SendCounting counting) {
        return isSend() || isRopeFromAbove() && counting == SendCounting.LEADS_TOP_ROPES_AND_FOLLOWS;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static AscentStyle fromId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
