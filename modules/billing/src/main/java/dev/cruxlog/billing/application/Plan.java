package dev.cruxlog.billing.application;

import java.math.BigDecimal;

/**
 * A plan a climber can subscribe to, from configuration ({@code cruxlog.billing.plans.<id>.*}).
 * Every plan grants the premium tier; what premium includes (the coach's daily allowance) is
 * read from the module that owns it.
 */
public record Plan(String id, String priceId, BigDecimal monthlyPrice, String currency, String displayName) {
}
