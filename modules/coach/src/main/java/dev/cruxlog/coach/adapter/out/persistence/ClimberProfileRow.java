package dev.cruxlog.coach.adapter.out.persistence;

import java.time.Instant;
import java.util.UUID;

import dev.cruxlog.coach.domain.ClimberProfile;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A climber's profile as its table holds it, mapped by Spring Data R2DBC (columns by its naming
 * strategy: {@code yearsClimbing} is {@code years_climbing}). The domain's {@link ClimberProfile}
 * knows nothing of owners, keys or storage times; this record is where those meet it.
 */
@Table(schema = "coach", name = "climber_profile")
record ClimberProfileRow(@Id UUID ownerId, String goals, Integer yearsClimbing, Integer sessionsPerWeek,
                         Integer sessionMinutes, String equipment, String injuries, String favouriteAngles,
                         String weakestAngles, String favouriteHolds, String weakestHolds, String favouriteEnergy,
                         String weakestEnergy, String currentProjects, Instant updatedAt) {

    static ClimberProfileRow of(UUID owner, ClimberProfile profile, Instant updatedAt) {
        return new ClimberProfileRow(owner, profile.goals(), profile.yearsClimbing(), profile.sessionsPerWeek(),
                profile.sessionMinutes(), profile.equipment(), profile.injuries(), profile.favouriteAngles(),
                profile.weakestAngles(), profile.favouriteHolds(), profile.weakestHolds(), profile.favouriteEnergy(),
                profile.weakestEnergy(), profile.currentProjects(), updatedAt);
    }

    ClimberProfile profile() {
        return new ClimberProfile(goals, yearsClimbing, sessionsPerWeek, sessionMinutes, equipment, injuries,
                favouriteAngles, weakestAngles, favouriteHolds, weakestHolds, favouriteEnergy, weakestEnergy,
                currentProjects);
    }
}
