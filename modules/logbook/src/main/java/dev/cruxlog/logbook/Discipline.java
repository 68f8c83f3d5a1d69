package dev.cruxlog.logbook;

import java.util.Locale;

/** What kind of climbing a tick was. Ids are what the API and exports show. */
public enum Discipline {
    SPORT("sport"),
    TRAD("trad"),
    TOP_ROPE("tr"),
    BOULDER("boulder"),
    ALPINE("alpine"),
    ICE("ice"),
    MIXED("mixed"),
    AID("aid"),
    SNOW("snow");

    private final String id;

    Discipline(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Discipline fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (Discipline discipline : values()) {
            if (discipline.id.equals(wanted) || discipline.name().equalsIgnoreCase(wanted)) {
                return discipline;
            }
        }
        throw new IllegalArgumentException("Unknown discipline '" + id + "'");
    }

    /** Lead disciplines build the lead pyramids; top rope and follows are kept apart. */
    public boolean isLead() {
        return this == SPORT || this == TRAD;
    }
}
