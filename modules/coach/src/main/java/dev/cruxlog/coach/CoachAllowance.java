package dev.cruxlog.coach;

import dev.cruxlog.identity.Tier;

/**
 * How many questions a day each tier may ask the coach: the one place these numbers live
 * ({@code cruxlog.coach.daily-questions.free}, {@code .premium}; a negative number means no
 * limit). The pricing page and the coach page both show them from here.
 */
public record CoachAllowance(int freePerDay, int premiumPerDay) {

    public static final int UNLIMITED = -1;

    /** Questions per day for the tier; {@link #UNLIMITED} for no limit. */
    public int perDay(Tier tier) {
        int limit = tier == Tier.PREMIUM ? premiumPerDay : freePerDay;
        return limit < 0 ? UNLIMITED : limit;
    }

    public String describe(Tier tier) {
        int limit = perDay(tier);
        return limit == UNLIMITED ? "unlimited questions" : limit + " question" + (limit == 1 ? "" : "s") + " a day";
    }
}
