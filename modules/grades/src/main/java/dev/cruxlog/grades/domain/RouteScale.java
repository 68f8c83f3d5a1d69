package dev.cruxlog.grades.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The route difficulty index, in YDS terms. One step per YDS number below 5.10 and per
 * letter from 5.10a up; a step is 10 index points, so slash grades and +/- fit between:
 *
 * <pre>
 *   5.0 = 0   5.9- = 87   5.9 = 90   5.9+ = 93
 *   5.10a = 100   5.10- = 103   5.10a/b = 105   5.10b = 110   5.10 = 113
 *   5.10b/c = 115   5.10c = 120   5.10+ = 123   5.10c/d = 125   5.10d = 130   5.11a = 140 ... 5.15d = 330
 * </pre>
 *
 * The order of the in-between grades follows Mountain Project's own rating codes
 * (5.10a &lt; 5.10- &lt; 5.10a/b &lt; 5.10b &lt; 5.10 &lt; 5.10b/c &lt; 5.10c &lt; 5.10+ &lt; 5.10c/d &lt; 5.10d).
 * "Easy 5th" sits just below 5.0.
 */
public final class RouteScale {

    public static final int EASY_FIFTH = -5;
    public static final int MAX = 330;

    private static final Pattern YDS = Pattern.compile("^5\\.(\\d{1,2})([abcd](?:/[abcd])?|[+-])?$", Pattern.CASE_INSENSITIVE);

    private RouteScale() {
    }

    /** The index of a YDS grade ("5.9+", "5.10b/c", "5.12", "Easy 5th"), if it is one. */
    public static Optional<Integer> parseYds(String grade) {
        if (grade.equalsIgnoreCase("easy 5th")) {
            return Optional.of(EASY_FIFTH);
        }
        Matcher m = YDS.matcher(grade);
        if (!m.matches()) {
            return Optional.empty();
        }
        int number = Integer.parseInt(m.group(1));
        String suffix = m.group(2) == null ? "" : m.group(2).toLowerCase();
        if (number < 10) {
            return switch (suffix) {
                case "" -> Optional.of(number * 10);
                case "-" -> Optional.of(number * 10 - 3);
                case "+" -> Optional.of(number * 10 + 3);
                default -> Optional.empty();
            };
        }
        if (number > 15) {
            return Optional.empty();
        }
        int a = 100 + (number - 10) * 40;
        Integer offset = switch (suffix) {
            case "a" -> 0;
            case "-" -> 3;
            case "a/b" -> 5;
            case "b" -> 10;
            case "" -> 13;
            case "b/c" -> 15;
            case "c" -> 20;
            case "+" -> 23;
            case "c/d" -> 25;
            case "d" -> 30;
            default -> null;
        };
        return Optional.ofNullable(offset).map(o -> a + o);
    }

    /** The YDS name of an index; in-between values get the nearest name on this scale. */
    public static String formatYds(int index) {
        if (index <= EASY_FIFTH) {
            return "Easy 5th";
        }
        if (index < 100) {
            int number = Math.min(Math.floorDiv(index + 5, 10), 9);
            int rest = index - number * 10;
            return "5." + Math.max(number, 0) + (rest <= -2 ? "-" : rest >= 2 ? "+" : "");
        }
        int number = 10 + Math.min((index - 100) / 40, 5);
        int offset = index - (100 + (number - 10) * 40);
        String[] names = {"a", "-", "a/b", "b", "", "b/c", "c", "+", "c/d", "d"};
        int[] offsets = {0, 3, 5, 10, 13, 15, 20, 23, 25, 30};
        int best = 0;
        for (int i = 1; i < offsets.length; i++) {
            if (Math.abs(offsets[i] - offset) < Math.abs(offsets[best] - offset)) {
                best = i;
            }
        }
        return "5." + number + names[best];
    }

    /** The level name: "5.9" below 5.10, the letter grade from 5.10a up. */
    public static String levelName(int level) {
        if (level < 0) {
            return "Easy 5th";
        }
        if (level < 10) {
            return "5." + level;
        }
        int number = 10 + (level - 10) / 4;
        return "5." + number + "abcd".charAt((level - 10) % 4);
    }
}
