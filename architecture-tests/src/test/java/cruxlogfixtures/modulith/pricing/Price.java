package cruxlogfixtures.modulith.pricing;

/** The pricing module's API type, which the two other planted modules use. */
public record Price(long cents) {
}
