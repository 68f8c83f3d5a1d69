package dev.cruxlog.identity;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An account as other modules and the API see it.
 *
 * @param gradeSystems preferred grade system per discipline family, e.g. {@code sport -> french}
 * @param lengthUnit   how the climber reads lengths
 * @param countTopRopesAndFollowsAsSends the climber's setting: every send figure counts clean
 *                     top-rope and follow ascents too (off: leads and boulders only)
 */
public record AccountView(UUID id, String username, String email, boolean emailVerified, Tier tier, Set<Role> roles,
                          boolean active, String mountainProjectProfileUrl, String eightAProfileSlug,
                          Map<String, String> gradeSystems, LengthUnit lengthUnit, boolean countTopRopesAndFollowsAsSends,
                          OffsetDateTime createdAt) {

    public ClimberSettings settings() {
        return new ClimberSettings(gradeSystems, lengthUnit, countTopRopesAndFollowsAsSends);
    }
}
