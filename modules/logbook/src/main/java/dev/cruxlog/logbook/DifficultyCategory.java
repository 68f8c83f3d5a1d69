package dev.cruxlog.logbook;

/**
 * How hard a tick was for the climber at the time: its grade level minus the hardest level
 * they had sent before in that discipline. One enum, so "Tier 2" is spelled one way
 * everywhere (the old app filtered on "Tier2" while writing "Tier 2").
 */
public enum DifficultyCategory {
    /** At or above the hardest level sent before (a first send at a new level is a project too). */
    PROJECT,
    /** One level below. */
    TIER_2,
    /** Two levels below. */
    TIER_3,
    /** Three levels below. */
    TIER_4,
    /** Further below: mileage. */
    BASE_VOLUME;

    public static DifficultyCategory of(int levelsBelowMax) {
        if (levelsBelowMax <= 0) {
            return PROJECT;
        }
        return switch (levelsBelowMax) {
            case 1 -> TIER_2;
            case 2 -> TIER_3;
            case 3 -> TIER_4;
            default -> BASE_VOLUME;
        };
    }
}
