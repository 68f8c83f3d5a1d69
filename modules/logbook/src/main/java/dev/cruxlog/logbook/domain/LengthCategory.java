package dev.cruxlog.logbook.domain;

/** Route length in feet: under 60 short, 60-85 medium, 85-130 long, 130 and up multipitch. */
public enum LengthCategory {
    UNKNOWN, SHORT, MEDIUM, LONG, MULTIPITCH;

    public static LengthCategory of(Integer lengthFeet, int pitches) {
        if (pitches > 1) {
            return MULTIPITCH;
        }
        if (lengthFeet == null || lengthFeet <= 0) {
            return UNKNOWN;
        }
        if (lengthFeet < 60) {
            return SHORT;
        }
        if (lengthFeet < 85) {
            return MEDIUM;
        }
        return lengthFeet < 130 ? LONG : MULTIPITCH;
    }
}
