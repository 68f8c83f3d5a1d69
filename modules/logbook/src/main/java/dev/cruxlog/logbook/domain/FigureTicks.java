package dev.cruxlog.logbook.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What a climber's logbook holds for its figures at one moment: the database's date (which
 * decides what is recent) and the counted ticks in date order.
 */
public record FigureTicks(LocalDate today, List<FigureTick> inDateOrder) {

    public FigureTicks {
        inDateOrder = List.copyOf(inDateOrder);
    }
}
