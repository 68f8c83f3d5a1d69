package dev.cruxlog.analytics.domain;

/**
 * The version of the rules behind the read model's figures. Raise it with any change that
 * makes the same ticks give other figures: a classification rule in the logbook (disciplines,
 * sends, styles), a grade conversion, a new figure or a new field in one, and a logbook
 * migration that rewrites ticks (it changes them without a write the read model hears of). Rows computed under
 * another version are never read (pages compute from the ticks instead), and the next rebuild
 * sweep replaces them for every climber through the job queue.
 */
public final class ReadModelRules {

    // 1: the figures as the logbook's records in JSON. 2: first sends as positional arrays.
    // 3: folded in one pass; ties (two routes sent the same day at one grade, ...) broken by
    //    route and by code point, where they were left to the order PostgreSQL's sort gave.

    public static final int VERSION = 3;

    private ReadModelRules() {
    }
}
