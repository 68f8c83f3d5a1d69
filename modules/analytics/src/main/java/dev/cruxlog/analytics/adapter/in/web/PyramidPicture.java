package dev.cruxlog.analytics.adapter.in.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.cruxlog.analytics.PyramidView;

/**
 * The pyramid drawn as climbers picture one: a centred bar per grade, hardest at the top, each
 * bar stacked by how its routes were first sent and counted on the bar, the ideal 1-2-4-8 as an
 * outline behind it. The geometry is worked out here and drawn as SVG by the page: no script,
 * and nothing for the Content-Security-Policy to allow (an SVG's geometry attributes are not
 * styles; the colours come from the stylesheet by class).
 *
 * <p>Coordinates are in a {@value #WIDTH}-unit wide view box that the page scales to its
 * width, narrow enough that a 390 px phone draws it close to its own size.
 */
public record PyramidPicture(int width, int height, List<Row> rows, List<Key> legend, String description) {

    public static final int WIDTH = 400;
    /** The grade names, left of the bars. */
    public static final int LABEL_WIDTH = 52;
    /** The total sends, right of the bars. */
    public static final int TOTAL_WIDTH = 40;
    public static final int ROW_HEIGHT = 30;
    public static final int BAR_HEIGHT = 22;
    /** Narrower than this, a segment's count would not fit inside it; the row's total still shows it. */
    public static final double COUNT_FITS = 18;

    /** Styles in the order a bar stacks them, left to right: the cleanest first, then the rest. */
    private static final Map<String, String> STYLE_NAMES = orderedNames();

    private static Map<String, String> orderedNames() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("onsight", "Onsight");
        names.put("flash", "Flash");
        names.put("redpoint", "Redpoint");
        names.put("pinkpoint", "Pinkpoint");
        names.put("solo", "Solo");
        names.put("repeat", "Repeat");
        names.put("top-rope", "Top rope");
        names.put("follow", "Follow");
        return names;
    }

    /**
     * @param y        the row's top
     * @param barX     where the bar of sends starts (centred)
     * @param idealX   where the outline of the ideal starts (centred)
     */
    public record Row(String grade, int sends, int ideal, double y, double barX, double barWidth, double idealX,
                      double idealWidth, List<Segment> segments) {

        public double textY() {
            return y + BAR_HEIGHT / 2.0 + 4.5;
        }
    }

    /** One style's part of a bar; {@code labelled} when its count fits inside it. */
    public record Segment(String style, String name, int count, double x, double width, boolean labelled) {

        public String cssClass() {
            return "seg-" + style;
        }

        public double centre() {
            return x + width / 2;
        }
    }

    /** A style the picture uses, for its legend. */
    public record Key(String style, String name) {

        public String cssClass() {
            return "seg-" + style;
        }
    }

    public static PyramidPicture of(PyramidView pyramid) {
        int widest = 1;
        for (PyramidView.Level level : pyramid.levels()) {
            widest = Math.max(widest, Math.max(level.sends(), level.idealSends()));
        }
        double area = WIDTH - LABEL_WIDTH - TOTAL_WIDTH;
        double centre = LABEL_WIDTH + area / 2;
        double unit = area / widest;
        List<Row> rows = new ArrayList<>();
        Map<String, Boolean> used = new LinkedHashMap<>();
        StringBuilder description = new StringBuilder();
        double y = 4;
        for (PyramidView.Level level : pyramid.levels()) {
            Map<String, Integer> counts = countsByStyle(level);
            double barWidth = level.sends() * unit;
            double x = centre - barWidth / 2;
            List<Segment> segments = new ArrayList<>();
            for (Map.Entry<String, Integer> count : counts.entrySet()) {
                double w = count.getValue() * unit;
                segments.add(new Segment(count.getKey(), nameOf(count.getKey()), count.getValue(), x, w, w >= COUNT_FITS));
                used.put(count.getKey(), true);
                x += w;
            }
            double idealWidth = level.idealSends() * unit;
            rows.add(new Row(level.grade(), level.sends(), level.idealSends(), y, centre - barWidth / 2, barWidth,
                    centre - idealWidth / 2, idealWidth, List.copyOf(segments)));
            description.append(description.isEmpty() ? "" : "; ").append(level.grade()).append(": ").append(level.sends())
                    .append(level.sends() == 1 ? " send" : " sends").append(" of an ideal ").append(level.idealSends());
            y += ROW_HEIGHT;
        }
        List<Key> legend = new ArrayList<>();
        STYLE_NAMES.forEach((style, name) -> {
            if (used.containsKey(style)) {
                legend.add(new Key(style, name));
            }
        });
        used.keySet().stream().filter(style -> !STYLE_NAMES.containsKey(style))
                .forEach(style -> legend.add(new Key(style, nameOf(style))));
        return new PyramidPicture(WIDTH, (int) Math.ceil(y + 4), List.copyOf(rows), List.copyOf(legend),
                description.toString());
    }

    /**
     * The level's routes counted by the style of their first send, in stacking order. A level's
     * sends are its routes (each route counts once, at its first send), so the parts add up to the bar.
     */
    private static Map<String, Integer> countsByStyle(PyramidView.Level level) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        STYLE_NAMES.keySet().forEach(style -> counts.put(style, 0));
        level.routes().forEach(route -> counts.merge(route.style(), 1, Integer::sum));
        counts.values().removeIf(count -> count == 0);
        return counts;
    }

    private static String nameOf(String style) {
        String name = STYLE_NAMES.get(style);
        return name != null ? name : style.substring(0, 1).toUpperCase(Locale.ROOT) + style.substring(1).replace('-', ' ');
    }

    /** A coordinate as SVG wants it: a dot, never a locale's comma, and no more digits than a pixel needs. */
    public static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
