package dev.cruxlog.coach.adapter.out.persistence;

import java.time.Clock;
import java.util.UUID;

import dev.cruxlog.coach.application.ClimberProfiles;
import dev.cruxlog.coach.domain.ClimberProfile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.data.relational.core.query.Query;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import static org.springframework.data.relational.core.query.Criteria.where;
import static org.springframework.data.relational.core.query.Query.query;

/**
 * The coach's climber profiles through Spring Data R2DBC's {@link R2dbcEntityTemplate}: one row
 * per climber, read, written and deleted whole, the kind of aggregate it maps without hand-written
 * SQL (ADR 0021 says where Cruxlog uses it and where {@code DatabaseClient}).
 */
@Repository
class R2dbcClimberProfiles implements ClimberProfiles {

    private final R2dbcEntityTemplate template;
    private final Clock clock;

    R2dbcClimberProfiles(R2dbcEntityTemplate template, Clock clock) {
        this.template = template;
        this.clock = clock;
    }

    @Override
    public Mono<ClimberProfile> find(UUID owner) {
        return template.selectOne(ofOwner(owner), ClimberProfileRow.class)
                .map(ClimberProfileRow::profile)
                .defaultIfEmpty(ClimberProfile.empty());
    }

    @Override
    public Mono<ClimberProfile> save(UUID owner, ClimberProfile profile) {
        ClimberProfileRow row = ClimberProfileRow.of(owner, profile, clock.instant());
        return template.exists(ofOwner(owner), ClimberProfileRow.class)
                .flatMap(stored -> stored ? template.update(row) : template.insert(row)
                        // Two first saves at once (two tabs): the one whose insert lost updates the row the other made.
                        .onErrorResume(DuplicateKeyException.class, raced -> template.update(row)))
                .map(ClimberProfileRow::profile);
    }

    @Override
    public Mono<Void> eraseOwnedBy(UUID owner) {
        return template.delete(ofOwner(owner), ClimberProfileRow.class).then();
    }

    private static Query ofOwner(UUID owner) {
        return query(where("ownerId").is(owner));
    }
}
