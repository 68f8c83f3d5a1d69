package dev.cruxlog.identity;

import java.util.Map;

/**
 * The settings of an account that change how its logbook is shown and counted, and nothing else
 * of it: what the pages and figures of other modules need on every read, without the account's
 * credentials, addresses or roles.
 *
 * @param gradeSystems preferred grade system per discipline family, e.g. {@code route -> french}
 * @param lengthUnit   how the climber reads lengths
 * @param countTopRopesAndFollowsAsSends every send figure counts clean top-rope and follow ascents
 *                     too (off: leads and boulders only)
 */
public record ClimberSettings(Map<String, String> gradeSystems, LengthUnit lengthUnit,
                              boolean countTopRopesAndFollowsAsSends) {

    /** What is assumed without an account's own settings (the read found none): YDS and V, feet, leads and boulders only. */
    public static final ClimberSettings DEFAULTS = new ClimberSettings(Map.of(), LengthUnit.FEET, false);

    public ClimberSettings {
        gradeSystems = Map.copyOf(gradeSystems);
    }
}
