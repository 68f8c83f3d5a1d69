package dev.cruxlog.logbook.domain;

import java.util.Locale;

/** How the climb went. */
public enum AscentStyle {
    ONSIGHT(true),
    FLASH(true),
    REDPOINT(true),
    PINKPOINT(true),
    /** A clean top-rope ascent. */
    TOP_ROPE(true),
    /** Seconding someone else's lead. */
    FOLLOW(true),
    SOLO(true),
    REPEAT(true),
    /** Not sent: fell, hung, or did not finish. */
    ATTEMPT(false);

    private final boolean send;

    AscentStyle(boolean send) {
        this.send = send;
    }

    public boolean isSend() {
        return send;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static AscentStyle fromId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
