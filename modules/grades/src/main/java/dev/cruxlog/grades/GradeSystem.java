package dev.cruxlog.grades;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The grading systems Cruxlog reads. The first seven are indexed and convertible. */
public enum GradeSystem {

    YDS("yds", "Yosemite Decimal System", GradeFamily.ROUTE),
    FRENCH("french", "French sport", GradeFamily.ROUTE),
    UIAA("uiaa", "UIAA", GradeFamily.ROUTE),
    EWBANK("ewbank", "Ewbank (Australia, New Zealand, South Africa)", GradeFamily.ROUTE),
    /** British adjectival trad grades (VS, HVS, E1...); the technical grade beside it is kept, not indexed. */
    UK("uk", "British trad (adjectival)", GradeFamily.ROUTE),
    V("v", "Hueco V scale", GradeFamily.BOULDER),
    FONT("font", "Fontainebleau", GradeFamily.BOULDER),
    ICE("ice", "Water and alpine ice (WI, AI)", GradeFamily.OTHER),
    MIXED("mixed", "Mixed (M)", GradeFamily.OTHER),
    AID("aid", "Aid (A, C)", GradeFamily.OTHER),
    SNOW("snow", "Snow", GradeFamily.OTHER);

    private final String id;
    private final String displayName;
    private final GradeFamily family;

    GradeSystem(String id, String displayName, GradeFamily family) {
        this.id = id;
        this.displayName = displayName;
        this.family = family;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public GradeFamily family() {
        return family;
    }

    public boolean indexed() {
        return family != GradeFamily.OTHER;
    }

    public static Optional<GradeSystem> byId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(system -> system.id.equals(wanted)).findFirst();
    }
}
