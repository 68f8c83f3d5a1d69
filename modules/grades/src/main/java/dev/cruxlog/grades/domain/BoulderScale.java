package dev.cruxlog.grades.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The boulder difficulty index, in V-scale terms: V<i>n</i> = 10·<i>n</i>; a minus is 3 below,
 * a plus 3 above, a range V<i>n</i>-<i>n+1</i> halfway; V-easy is -5 (so its level, -1,
 * sits below V0).
 */
public final class BoulderScale {

    public static final int V_EASY = -5;
    public static final int MAX = 170;

    private static final Pattern V = Pattern.compile("^V(?:-?(easy)|(\\d{1,2})(?:-(\\d{1,2})|([+-]))?)$", Pattern.CASE_INSENSITIVE);

    private BoulderScale() {
    }

    public static Optional<Integer> parseV(String grade) {
        Matcher m = V.matcher(grade);
        if (!m.matches()) {
            return Optional.empty();
        }
        if (m.group(1) != null) {
            return Optional.of(V_EASY);
        }
        int number = Integer.parseInt(m.group(2));
        if (number > 17) {
            return Optional.empty();
        }
        if (m.group(3) != null) {
            int upper = Integer.parseInt(m.group(3));
            return upper == number + 1 ? Optional.of(number * 10 + 5) : Optional.empty();
        }
        String sign = m.group(4);
        return Optional.of(number * 10 + ("+".equals(sign) ? 3 : "-".equals(sign) ? -3 : 0));
    }

    public static String formatV(int index) {
        if (index <= V_EASY) {
            return "V-easy";
        }
        int number = Math.floorDiv(index + 3, 10);
        int rest = index - number * 10;
        if (rest >= 4) {
            return "V" + number + "-" + (number + 1);
        }
        return "V" + Math.max(number, 0) + (rest <= -2 ? "-" : rest >= 2 ? "+" : "");
    }

    public static String levelName(int level) {
        return level < 0 ? "V-easy" : "V" + level;
    }
}
