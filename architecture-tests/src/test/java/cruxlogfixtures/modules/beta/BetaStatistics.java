package cruxlogfixtures.modules.beta;

/** A record of module beta's API, for another module's use, not for its REST answers. */
public record BetaStatistics(long ticks) {
}
