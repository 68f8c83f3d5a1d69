package dev.cruxlog.analytics.adapter.out.persistence;

import java.util.Map;
import java.util.UUID;

import dev.cruxlog.analytics.application.RouteCharacters;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
class R2dbcRouteCharacters implements RouteCharacters {

    private final DatabaseClient db;

    R2dbcRouteCharacters(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Map<String, Character>> all(UUID owner) {
        return db.sql("SELECT route_key, crux_angle, crux_energy FROM analytics.route_character WHERE owner_id = :owner")
                .bind("owner", owner)
                .map(row -> Map.entry(row.get("route_key", String.class),
                        new Character(row.get("crux_angle", String.class), row.get("crux_energy", String.class))))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    @Override
    public Mono<Character> save(UUID owner, String routeKey, String cruxAngle, String cruxEnergy) {
        return db.sql("""
                        INSERT INTO analytics.route_character (owner_id, route_key, crux_angle, crux_energy)
                        SELECT :owner, :key, :angle, :energy
                         -- A route described before may change; a new one only below the bound (two
                         -- at once may both pass it by one: a bound on memory, not an exact count).
                         WHERE EXISTS (SELECT 1 FROM analytics.route_character WHERE owner_id = :owner AND route_key = :key)
                            OR (SELECT count(*) FROM analytics.route_character WHERE owner_id = :owner) < :max
                        ON CONFLICT (owner_id, route_key) DO UPDATE SET
                            crux_angle = coalesce(EXCLUDED.crux_angle, route_character.crux_angle),
                            crux_energy = coalesce(EXCLUDED.crux_energy, route_character.crux_energy), updated_at = now()
                        RETURNING crux_angle, crux_energy""")
                .bind("owner", owner).bind("key", routeKey).bind("max", MAX_ROUTES)
                .bind("angle", Parameter.fromOrEmpty(cruxAngle, String.class))
                .bind("energy", Parameter.fromOrEmpty(cruxEnergy, String.class))
                .map(row -> new Character(row.get("crux_angle", String.class), row.get("crux_energy", String.class)))
                .one();
    }

    @Override
    public Mono<Void> eraseOwnedBy(UUID owner) {
        return db.sql("DELETE FROM analytics.route_character WHERE owner_id = :owner").bind("owner", owner).then();
    }
}
