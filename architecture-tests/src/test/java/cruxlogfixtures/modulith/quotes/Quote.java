package cruxlogfixtures.modulith.quotes;

import cruxlogfixtures.modulith.pricing.Price;

/** Uses pricing, as the quotes module's allowed dependencies say it may. */
public record Quote(Price price) {
}
