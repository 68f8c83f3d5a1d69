package dev.cruxlog.identity;

import java.util.Locale;
import java.util.Optional;

/** How a climber reads lengths (route length, vertical): every page shows them in this unit. */
public enum LengthUnit {
    FEET("ft", 1.0),
    METRES("m", 0.3048);

    private final String symbol;
    private final double perFoot;

    LengthUnit(String symbol, double perFoot) {
        this.symbol = symbol;
        this.perFoot = perFoot;
    }

    public String symbol() {
        return symbol;
    }

    /** A length stored in feet, in this unit, rounded to whole units. */
    public Integer fromFeet(Integer feet) {
        return feet == null ? null : (int) Math.round(feet * perFoot);
    }

    /** A sum of lengths stored in feet (a total vertical, say), in this unit. */
    public long totalFromFeet(long feet) {
        return Math.round(feet * perFoot);
    }

    /** A length typed in this unit, in feet (how the logbook stores it). */
    public Integer toFeet(Integer length) {
        return length == null ? null : (int) Math.round(length / perFoot);
    }

    public static Optional<LengthUnit> bySymbol(String symbol) {
        String wanted = symbol == null ? "" : symbol.trim().toLowerCase(Locale.ROOT);
        for (LengthUnit unit : values()) {
            if (unit.symbol.equals(wanted)) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }
}
