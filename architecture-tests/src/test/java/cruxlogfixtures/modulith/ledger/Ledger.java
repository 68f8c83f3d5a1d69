package cruxlogfixtures.modulith.ledger;

import cruxlogfixtures.modulith.pricing.Price;

/** Uses pricing, which the ledger's allowed dependencies leave out. */
public record Ledger(Price balance) {
}
