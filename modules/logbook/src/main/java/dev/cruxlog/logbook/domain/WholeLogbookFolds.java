package dev.cruxlog.logbook.domain;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import dev.cruxlog.logbook.LogbookStatistics.WholeLogbookFigures;
import dev.cruxlog.logbook.SendCounting;
import dev.cruxlog.logbook.domain.FigureNumbering.NumberedTick;

/**
 * The figures of a whole logbook under every way of counting sends, from one pass over its
 * ticks in date order: each tick is numbered once (its route and place) and folded by each
 * counting's {@link WholeLogbookFold}.
 */
public final class WholeLogbookFolds {

    private final FigureNumbering numbering = new FigureNumbering();
    private final Map<SendCounting, WholeLogbookFold> folds = new EnumMap<>(SendCounting.class);

    /** @param today the database's date (see {@link WholeLogbookFold#WholeLogbookFold}) */
    public WholeLogbookFolds(LocalDate today) {
        for (SendCounting counting : SendCounting.values()) {
            folds.put(counting, new WholeLogbookFold(counting, today, numbering));
        }
    }

    /** The next tick: none may be dated before one already added. */
    public void add(FigureTick tick) {
        NumberedTick numbered = numbering.number(tick);
        for (WholeLogbookFold fold : folds.values()) {
            fold.add(numbered);
        }
    }

    /** The figures of every tick added, by way of counting. */
    public Map<SendCounting, WholeLogbookFigures> result() {
        Map<SendCounting, WholeLogbookFigures> figures = new EnumMap<>(SendCounting.class);
        folds.forEach((counting, fold) -> figures.put(counting, fold.result()));
        return figures;
    }
}
