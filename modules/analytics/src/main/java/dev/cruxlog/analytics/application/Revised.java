package dev.cruxlog.analytics.application;

/**
 * A figure read from the read model with the revision it was stored under. Every replacement
 * of a figure takes a new revision from one sequence, so two reads with the same revision
 * hold the same figure: what is derived from it can be kept and reused under that revision.
 */
public record Revised<T>(long revision, T value) {
}
