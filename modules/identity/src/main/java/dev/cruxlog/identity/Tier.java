package dev.cruxlog.identity;

/** What a climber pays for. Billing changes it; every module may ask for it. */
public enum Tier {
    FREE,
    PREMIUM
}
