package dev.cruxlog.logbook;

/**
 * Which clean ascents a climber's figures count as sends. Headline figures (best sends, recent
 * hard sends, hardest per month and per place, send and first-try rates, the coach's context)
 * count leads and boulders; 8a.nu and theCrag offer the same switch to count top ropes and
 * follows too, off by default. One value decides every figure at once.
 */
public enum SendCounting {
    /** Onsight, flash, redpoint, pinkpoint, solo, repeat: a lead or a boulder without weighting the rope. */
    LEADS_AND_BOULDERS,
    /** As above, and clean top-rope and follow ascents. */
    LEADS_TOP_ROPES_AND_FOLLOWS;

    /** The climber's setting "count top-rope and follow ascents as sends". */
    public static SendCounting of(boolean countTopRopesAndFollows) {
        return countTopRopesAndFollows ? LEADS_TOP_ROPES_AND_FOLLOWS : LEADS_AND_BOULDERS;
    }

    public boolean countsRopeFromAbove() {
        return this == LEADS_TOP_ROPES_AND_FOLLOWS;
    }

    /** Whether a tick of this ascent style (its id: "redpoint", "top-rope", ...) counts as a send. */
    public boolean countsAsSend(String style) {
        return dev.cruxlog.logbook.AscentStyle.fromId(style).countsAsSend(this);
    }
}
