package dev.cruxlog.grades.domain;

import java.util.Optional;

/**
 * Mountain Project's numeric "Rating Code" column: an exact, machine-readable form of the
 * grade. The old app ignored it; we use it to repair grades a spreadsheet mangled on the
 * way ("5.1" that was 5.10, "5" that was 5.0). Observed values:
 *
 * <pre>
 *   YDS   Easy 5th = 950, 5.0 .. 5.6 = 1000 .. 1600, 5.7 = 1800 (5.7- 1700, 5.7+ 1900),
 *         5.8 = 2100, 5.9 = 2400 (- and + one hundred either side);
 *         5.N from 5.10: 2600 + 2000·(N-10) for "a", then +100 per step in the order
 *         a, -, a/b, b, (plain), b/c, c, +, c/d, d  (5.12b = 6900, 5.13c = 9200)
 *   V     V-easy = 20000, V0- = 20005, V0 = 20008, V0+ = 20010, V0-1 = 20050,
 *         Vn = 20000 + 100·n, Vn+ = +10, Vn-(n+1) = +50, Vn- = -30 (V1- = 20075)
 * </pre>
 */
public final class MountainProjectRatingCode {

    private static final String[] LETTER_STEPS = {"a", "-", "a/b", "b", "", "b/c", "c", "+", "c/d", "d"};

    private MountainProjectRatingCode() {
    }

    /** The grade a rating code stands for, as it would be written ("5.10", "V5-6"). */
    public static Optional<String> decode(int code) {
        if (code == 950) {
            return Optional.of("Easy 5th");
        }
        if (code >= 1000 && code <= 1600 && code % 100 == 0) {
            return Optional.of("5." + (code - 1000) / 100);
        }
        if (code >= 1700 && code <= 2500 && code % 100 == 0) {
            int number = 7 + (code - 1700) / 300;
            int step = (code - 1700) % 300 / 100;
            return Optional.of("5." + number + (step == 0 ? "-" : step == 1 ? "" : "+"));
        }
        if (code >= 2600 && code < 14600) {
            int number = 10 + (code - 2600) / 2000;
            int rest = (code - 2600) % 2000;
            if (rest % 100 == 0 && rest <= 900) {
                return Optional.of("5." + number + LETTER_STEPS[rest / 100]);
            }
            return Optional.empty();
        }
        return switch (code) {
            case 20000 -> Optional.of("V-easy");
            case 20005 -> Optional.of("V0-");
            case 20008 -> Optional.of("V0");
            case 20010 -> Optional.of("V0+");
            case 20050 -> Optional.of("V0-1");
            case 20075 -> Optional.of("V1-");
            default -> decodeV(code);
        };
    }

    private static Optional<String> decodeV(int code) {
        if (code < 20070 || code > 21800) {
            return Optional.empty();
        }
        int base = code - 20000;
        int number = Math.round(base / 100f);
        int rest = base - number * 100;
        return switch (rest) {
            case 0 -> Optional.of("V" + number);
            case 10 -> Optional.of("V" + number + "+");
            case 50 -> Optional.of("V" + number + "-" + (number + 1));
            case -30 -> Optional.of("V" + number + "-");
            default -> rest == -50 ? Optional.of("V" + (number - 1) + "-" + number) : Optional.empty();
        };
    }
}
