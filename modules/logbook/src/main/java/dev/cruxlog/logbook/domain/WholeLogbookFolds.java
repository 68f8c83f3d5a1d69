package dev.cruxlog.logbook.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
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

    /**
     * The figures of a logbook after it gained ticks: what it held, in date order, merged with
     * the new ticks in any order. Ticks of one day may come in any order (the database's date
     * order does not order them either; the folds do not depend on it).
     */
    public static Map<SendCounting, WholeLogbookFigures> withAdded(FigureTicks before, List<FigureTick> added) {
        List<FigureTick> sortedAdded = new ArrayList<>(added);
        sortedAdded.sort(Comparator.comparing(FigureTick::climbedOn));
        List<FigureTick> held = before.inDateOrder();
        WholeLogbookFolds folds = new WholeLogbookFolds(before.today());
        int h = 0;
        for (FigureTick next : sortedAdded) {
            while (h < held.size() && !held.get(h).climbedOn().isAfter(next.climbedOn())) {
                folds.add(held.get(h++));
            }
            folds.add(next);
        }
        while (h < held.size()) {
            folds.add(held.get(h++));
        }
        return folds.result();
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
