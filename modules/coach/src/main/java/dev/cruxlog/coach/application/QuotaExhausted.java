package dev.cruxlog.coach.application;

/** Today's questions for the climber's tier are used up. */
public class QuotaExhausted extends RuntimeException {

    private final int perDay;

    public QuotaExhausted(int perDay) {
        super("You have asked the coach " + perDay + " question" + (perDay == 1 ? "" : "s") + " today, the daily "
                + "allowance of the free plan. It renews at midnight (UTC); premium has no daily limit.");
        this.perDay = perDay;
    }

    public int perDay() {
        return perDay;
    }
}
