package dev.cruxlog.coach.adapter.out.persistence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.cruxlog.coach.application.ClimberProfiles;
import dev.cruxlog.coach.domain.ClimberProfile;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
class R2dbcClimberProfiles implements ClimberProfiles {

    private static final String COLUMNS = "goals, years_climbing, sessions_per_week, session_minutes, equipment, injuries, "
            + "favourite_angles, weakest_angles, favourite_holds, weakest_holds, favourite_energy, weakest_energy, "
            + "current_projects";

    private final DatabaseClient db;

    R2dbcClimberProfiles(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<ClimberProfile> find(UUID owner) {
        return db.sql("SELECT " + COLUMNS + " FROM coach.climber_profile WHERE owner_id = :owner").bind("owner", owner)
                .map(R2dbcClimberProfiles::profile).one().defaultIfEmpty(ClimberProfile.empty());
    }

    @Override
    public Mono<ClimberProfile> save(UUID owner, ClimberProfile profile) {
        Map<String, Parameter> values = new LinkedHashMap<>();
        values.put("goals", text(profile.goals()));
        values.put("years_climbing", number(profile.yearsClimbing()));
        values.put("sessions_per_week", number(profile.sessionsPerWeek()));
        values.put("session_minutes", number(profile.sessionMinutes()));
        values.put("equipment", text(profile.equipment()));
        values.put("injuries", text(profile.injuries()));
        values.put("favourite_angles", text(profile.favouriteAngles()));
        values.put("weakest_angles", text(profile.weakestAngles()));
        values.put("favourite_holds", text(profile.favouriteHolds()));
        values.put("weakest_holds", text(profile.weakestHolds()));
        values.put("favourite_energy", text(profile.favouriteEnergy()));
        values.put("weakest_energy", text(profile.weakestEnergy()));
        values.put("current_projects", text(profile.currentProjects()));
        String names = String.join(", ", values.keySet());
        String params = String.join(", ", values.keySet().stream().map(name -> ":" + name).toList());
        String updates = String.join(", ", values.keySet().stream().map(name -> name + " = EXCLUDED." + name).toList());
        DatabaseClient.GenericExecuteSpec spec = db.sql("INSERT INTO coach.climber_profile (owner_id, " + names + ") VALUES (:owner, "
                + params + ") ON CONFLICT (owner_id) DO UPDATE SET " + updates + ", updated_at = now() RETURNING " + COLUMNS)
                .bind("owner", owner);
        for (Map.Entry<String, Parameter> value : values.entrySet()) {
            spec = spec.bind(value.getKey(), value.getValue());
        }
        return spec.map(R2dbcClimberProfiles::profile).one();
    }

    @Override
    public Mono<Void> eraseOwnedBy(UUID owner) {
        return db.sql("DELETE FROM coach.climber_profile WHERE owner_id = :owner").bind("owner", owner).then();
    }

    private static Parameter text(String value) {
        return Parameter.fromOrEmpty(value, String.class);
    }

    private static Parameter number(Integer value) {
        return Parameter.fromOrEmpty(value, Integer.class);
    }

    private static ClimberProfile profile(Readable row) {
        return new ClimberProfile(row.get("goals", String.class), row.get("years_climbing", Integer.class),
                row.get("sessions_per_week", Integer.class), row.get("session_minutes", Integer.class),
                row.get("equipment", String.class), row.get("injuries", String.class),
                row.get("favourite_angles", String.class), row.get("weakest_angles", String.class),
                row.get("favourite_holds", String.class), row.get("weakest_holds", String.class),
                row.get("favourite_energy", String.class), row.get("weakest_energy", String.class),
                row.get("current_projects", String.class));
    }
}
