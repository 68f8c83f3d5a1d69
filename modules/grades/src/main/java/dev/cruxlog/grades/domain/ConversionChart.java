package dev.cruxlog.grades.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where each grade of the other systems sits on the route or boulder index.
 *
 * <p>Source: the free-climbing and bouldering comparison tables of Wikipedia's
 * "Grade (climbing)" article (retrieved 2026), which compile the Rockfax and Mountain
 * Project charts. Those tables warn that conversions are approximate, and so are these:
 * they place each grade where most climbers would, and round-trip every grade of a system
 * to itself. Anchors cross-checked with the reference app: 6a = 5.10a, 6c = 5.11b,
 * 7a = 5.11d, 8a = 5.13b, 9c = 5.15d; Font 6A = V3, 7A = V6, 7A+ = V7, 8A = V11, 9A = V17.
 */
public final class ConversionChart {

    public record Entry(String name, int index) {
    }

    public static final List<Entry> FRENCH = List.of(
            new Entry("1", 10), new Entry("2", 20), new Entry("3", 40), new Entry("4a", 50), new Entry("4b", 60),
            new Entry("4c", 70), new Entry("5a", 80), new Entry("5b", 90), new Entry("5c", 95), new Entry("6a", 100),
            new Entry("6a+", 110), new Entry("6b", 125), new Entry("6b+", 140), new Entry("6c", 150),
            new Entry("6c+", 160), new Entry("7a", 170), new Entry("7a+", 180), new Entry("7b", 190),
            new Entry("7b+", 200), new Entry("7c", 210), new Entry("7c+", 220), new Entry("8a", 230),
            new Entry("8a+", 240), new Entry("8b", 250), new Entry("8b+", 260), new Entry("8c", 270),
            new Entry("8c+", 280), new Entry("9a", 290), new Entry("9a+", 300), new Entry("9b", 310),
            new Entry("9b+", 320), new Entry("9c", 330));

    public static final List<Entry> UIAA = List.of(
            new Entry("III", 30), new Entry("IV", 40), new Entry("IV+", 50), new Entry("V-", 60), new Entry("V", 70),
            new Entry("V+", 80), new Entry("VI-", 90), new Entry("VI", 100), new Entry("VI+", 110),
            new Entry("VII-", 120), new Entry("VII", 130), new Entry("VII+", 140), new Entry("VIII-", 155),
            new Entry("VIII", 170), new Entry("VIII+", 180), new Entry("IX-", 190), new Entry("IX", 205),
            new Entry("IX+", 220), new Entry("X-", 230), new Entry("X", 240), new Entry("X+", 250),
            new Entry("XI-", 260), new Entry("XI", 275), new Entry("XI+", 290), new Entry("XII-", 300),
            new Entry("XII", 315), new Entry("XII+", 330));

    public static final List<Entry> EWBANK = List.of(
            new Entry("12", 40), new Entry("13", 50), new Entry("14", 60), new Entry("15", 70), new Entry("16", 80),
            new Entry("17", 90), new Entry("18", 100), new Entry("19", 110), new Entry("20", 120), new Entry("21", 135),
            new Entry("22", 150), new Entry("23", 160), new Entry("24", 175), new Entry("25", 190), new Entry("26", 200),
            new Entry("27", 210), new Entry("28", 220), new Entry("29", 230), new Entry("30", 240), new Entry("31", 250),
            new Entry("32", 260), new Entry("33", 270), new Entry("34", 280), new Entry("35", 290), new Entry("36", 300),
            new Entry("37", 310), new Entry("38", 320), new Entry("39", 330));

    /**
     * British adjectival grades by the YDS grade a typical, adequately protected route of that
     * grade compares to (the same Wikipedia / Rockfax tables): VS ≈ 5.7-5.8, HVS ≈ 5.8-5.9,
     * E1 ≈ 5.10a/b, E2 ≈ 5.10c/d, E3 ≈ 5.11a/b ... E11 ≈ 5.15a. An adjectival grade also rates
     * seriousness, so these are rougher than the sport-grade tables.
     */
    public static final List<Entry> UK = List.of(
            new Entry("M", 15), new Entry("D", 25), new Entry("VD", 40), new Entry("HVD", 45), new Entry("MS", 50),
            new Entry("S", 55), new Entry("HS", 65), new Entry("MVS", 70), new Entry("VS", 75), new Entry("HVS", 85),
            new Entry("E1", 105), new Entry("E2", 125), new Entry("E3", 145), new Entry("E4", 165), new Entry("E5", 185),
            new Entry("E6", 205), new Entry("E7", 225), new Entry("E8", 245), new Entry("E9", 265), new Entry("E10", 285),
            new Entry("E11", 300));

    /** Other spellings of adjectival grades ("Mod", "Diff", "V Diff" written together). */
    public static final List<Entry> UK_ALIASES = List.of(
            new Entry("MOD", 15), new Entry("DIFF", 25), new Entry("VDIFF", 40), new Entry("HVDIFF", 45));

    public static final List<Entry> FONT = List.of(
            new Entry("3", -5), new Entry("4-", -3), new Entry("4", 0), new Entry("4+", 3), new Entry("5", 10),
            new Entry("5+", 20), new Entry("6A", 30), new Entry("6A+", 35), new Entry("6B", 40), new Entry("6B+", 45),
            new Entry("6C", 50), new Entry("6C+", 55), new Entry("7A", 60), new Entry("7A+", 70), new Entry("7B", 80),
            new Entry("7B+", 85), new Entry("7C", 90), new Entry("7C+", 100), new Entry("8A", 110), new Entry("8A+", 120),
            new Entry("8B", 130), new Entry("8B+", 140), new Entry("8C", 150), new Entry("8C+", 160), new Entry("9A", 170));

    /** Other spellings of Font grades below 6A, as 8a.nu writes them ("5A", "5C"). */
    public static final List<Entry> FONT_ALIASES = List.of(
            new Entry("4A", -3), new Entry("4B", 0), new Entry("4C", 3), new Entry("5A", 10), new Entry("5B", 15),
            new Entry("5C", 20));

    private ConversionChart() {
    }

    public static Optional<Integer> indexOf(List<Entry> chart, String name) {
        Optional<Integer> index = chart.stream().filter(entry -> entry.name().equalsIgnoreCase(name)).map(Entry::index)
                .findFirst();
        if (index.isEmpty() && chart == FONT) {
            return indexOf(FONT_ALIASES, name);
        }
        if (index.isEmpty() && chart == UK) {
            return indexOf(UK_ALIASES, name);
        }
        return index;
    }

    /** The chart grade nearest to an index; on a tie, the easier one (never flatter a climber). */
    public static String nearest(List<Entry> chart, int index) {
        return chart.get(nearestPosition(chart, index)).name();
    }

    /** The position in the chart of {@link #nearest}: the chart's own ladder of grades. */
    public static int nearestPosition(List<Entry> chart, int index) {
        int best = 0;
        for (int i = 1; i < chart.size(); i++) {
            if (Math.abs(chart.get(i).index() - index) < Math.abs(chart.get(best).index() - index)) {
                best = i;
            }
        }
        return best;
    }

    /** UIAA written with arabic numerals ("7+", "8-") becomes the roman form. */
    static String uiaaRoman(String grade) {
        String upper = grade.toUpperCase(Locale.ROOT);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d{1,2})([+-]?)$").matcher(upper);
        if (!m.matches()) {
            return upper;
        }
        String[] romans = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};
        int number = Integer.parseInt(m.group(1));
        return number >= 1 && number <= 12 ? romans[number] + m.group(2) : upper;
    }
}
