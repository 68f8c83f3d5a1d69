package dev.cruxlog.coach.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import dev.cruxlog.coach.CoachAllowance;
import dev.cruxlog.identity.Tier;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Questions a day per plan: what is left today, taking one for a question (atomically in
 * PostgreSQL, so two questions at once cannot both take the last), and giving one back when
 * the model failed before writing anything.
 */
@Service
public class QuestionAllowance {

    private final DailyUsage usage;
    private final CoachAllowance allowance;
    private final CoachModel model;
    private final Clock clock;

    public QuestionAllowance(DailyUsage usage, CoachAllowance allowance, CoachModel model, Clock clock) {
        this.usage = usage;
        this.allowance = allowance;
        this.model = model;
        this.clock = clock;
    }

    /** Today's allowance for the tier and how much of it is used. */
    public record Allowance(String tier, int perDay, int usedToday, Integer remainingToday, String description,
                            String answeredBy) {
    }

    public Mono<Allowance> allowance(UUID owner, Tier tier) {
        int perDay = allowance.perDay(tier);
        return usage.used(owner, today()).map(used -> new Allowance(tier.name().toLowerCase(Locale.ROOT), perDay,
                used, perDay == CoachAllowance.UNLIMITED ? null : Math.max(0, perDay - used), allowance.describe(tier),
                model.name()));
    }

    /** Counts a question on {@code day}; fails with {@link QuotaExhausted} when none is left. */
    Mono<Void> take(UUID owner, Tier tier, LocalDate day) {
        int perDay = allowance.perDay(tier);
        if (perDay == 0) {
            return Mono.error(new QuotaExhausted(0));
        }
        return usage.tryConsume(owner, day, perDay == CoachAllowance.UNLIMITED ? Integer.MAX_VALUE : perDay)
                .flatMap(counted -> counted ? Mono.<Void>empty() : Mono.error(new QuotaExhausted(perDay)));
    }

    /** The day questions are counted on now, in the clock's zone. */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Gives back a question counted on {@code day}. */
    Mono<Void> giveBack(UUID owner, LocalDate day) {
        return usage.refund(owner, day);
    }
}
