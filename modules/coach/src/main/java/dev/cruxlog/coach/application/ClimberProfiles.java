package dev.cruxlog.coach.application;

import java.util.UUID;

import dev.cruxlog.coach.domain.ClimberProfile;
import reactor.core.publisher.Mono;

/** Out-port: one profile per climber. */
public interface ClimberProfiles {

    /** The stored profile, or {@link ClimberProfile#empty()}. */
    Mono<ClimberProfile> find(UUID owner);

    Mono<ClimberProfile> save(UUID owner, ClimberProfile profile);

    Mono<Void> eraseOwnedBy(UUID owner);
}
