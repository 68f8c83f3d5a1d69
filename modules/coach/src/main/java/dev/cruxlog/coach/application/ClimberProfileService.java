package dev.cruxlog.coach.application;

import java.util.UUID;

import dev.cruxlog.coach.domain.ClimberProfile;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The climber's own description for the coach: read it, replace it. */
@Service
public class ClimberProfileService {

    private final ClimberProfiles profiles;

    public ClimberProfileService(ClimberProfiles profiles) {
        this.profiles = profiles;
    }

    public Mono<ClimberProfile> find(UUID owner) {
        return profiles.find(owner);
    }

    public Mono<ClimberProfile> save(UUID owner, ClimberProfile profile) {
        return profiles.save(owner, profile);
    }
}
