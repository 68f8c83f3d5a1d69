package dev.cruxlog.grades.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.cruxlog.grades.Grade;
import dev.cruxlog.grades.GradeFamily;
import dev.cruxlog.grades.GradeSystem;

/**
 * Reads a grade as climbers and logbooks write it: "5.10b/c R", "5.10 A0", "V5-6",
 * "f7A+", "6b+", "VII-", "WI5 M6", "Easy 5th", "5.12b V6". The first grade of the hinted
 * family (or the first indexed grade) is the main one; protection and aid suffixes are
 * kept apart, and every other grade is kept in {@code others}, so nothing is lost.
 */
public final class GradeParser {

    private static final Pattern PROTECTION = Pattern.compile("^(R|X|PG|PG-?13)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern AID = Pattern.compile("^[AC]\\d[+-]?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ICE = Pattern.compile("^(WI|AI)\\d{1,2}[+-]?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern MIXED = Pattern.compile("^M\\d{1,2}[+-]?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FONT_MARKED = Pattern.compile("^f(\\d[ABCabc]?\\+?)$");
    private static final Pattern FONT_UPPER = Pattern.compile("^[3-9][ABC]?\\+?$");
    private static final Pattern FONT_ANY = Pattern.compile("^[3-9][ABCabc]?[+-]?$");
    private static final Pattern FRENCH = Pattern.compile("^[1-9][abc]?\\+?$");
    private static final Pattern ROMAN = Pattern.compile("^(III|IV|V|VI|VII|VIII|IX|X|XI|XII)[+-]?$");
    private static final Pattern ARABIC_UIAA = Pattern.compile("^\\d{1,2}[+-]?$");
    private static final Pattern EWBANK = Pattern.compile("^\\d{1,2}$");
    /** Adjectival grades written as British guidebooks and UKC do; without a hint only the unmistakable ones. */
    private static final Pattern UK_ADJECTIVAL = Pattern.compile("^(HVS|MVS|VS|HS|HVD|VD|E\\d{1,2})$");
    private static final Pattern UK_ANY = Pattern.compile("^(M|MOD|D|DIFF|VD|VDIFF|HVD|HVDIFF|MS|S|HS|MVS|VS|HVS|E\\d{1,2})$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern UK_TECHNICAL = Pattern.compile("^[1-7][abc]$");
    // Compiled once: String.replaceAll, split and matches compile their pattern on every call,
    // which made grade parsing most of an import's CPU time (S5 profile, docs/benchmarks.md).
    private static final Pattern EASY_FIFTH_TEXT = Pattern.compile("(?i)easy\\s*5th");
    private static final Pattern SNOW = Pattern.compile("(?i)(steep|easy|mod\\.?|moderate)\\s+snow");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern HAS_FONT_LETTER = Pattern.compile(".*[ABC].*");

    private GradeParser() {
    }

    private record Candidate(GradeSystem system, String grade, Integer index) {
    }

    /**
     * @param raw  the grade as logged
     * @param requestedHint the system the source uses, when known (8a.nu routes are French, boulders
     *             Font); null to recognise by shape alone
     */
    public static Optional<Grade> parse(String raw, GradeSystem requestedHint) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String text = SNOW.matcher(EASY_FIFTH_TEXT.matcher(raw.trim()).replaceAll("Easy5th")).replaceAll("$1_Snow");
        String[] tokens = WHITESPACE.split(text);
        // A British adjectival grade makes the whole string British: "E1 5b" is E1 with a technical 5b,
        // not an E-something and a French 5b.
        boolean british = java.util.Arrays.stream(tokens).anyMatch(t -> UK_ADJECTIVAL.matcher(t).matches());
        GradeSystem hint = british ? GradeSystem.UK : requestedHint;
        String protection = null;
        String aid = null;
        List<Candidate> candidates = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String token : tokens) {
            // "X" is also a UIAA grade: in a UIAA logbook it is one.
            if (PROTECTION.matcher(token).matches() && !(hint == GradeSystem.UIAA && token.equals("X"))) {
                protection = token.toUpperCase(Locale.ROOT).replace("-", "");
            } else if (hint == GradeSystem.UK && UK_TECHNICAL.matcher(token).matches()) {
                unknown.add(token.toLowerCase(Locale.ROOT));
            } else if (AID.matcher(token).matches()) {
                aid = token.toUpperCase(Locale.ROOT);
            } else {
                Candidate candidate = classify(token, hint);
                if (candidate != null) {
                    candidates.add(candidate);
                } else {
                    unknown.add(token);
                }
            }
        }
        if (candidates.isEmpty()) {
            if (aid != null) {
                return Optional.of(new Grade(raw, GradeSystem.AID, null, aid, protection, null, unknown));
            }
            return Optional.empty();
        }
        Candidate main = candidates.stream()
                .filter(c -> hint != null && c.system().family() == hint.family())
                .findFirst()
                .or(() -> candidates.stream().filter(c -> c.index() != null).findFirst())
                .orElse(candidates.get(0));
        List<String> others = new ArrayList<>();
        candidates.stream().filter(c -> c != main).forEach(c -> others.add(c.grade()));
        others.addAll(unknown);
        return Optional.of(new Grade(raw, main.system(), main.index(), main.grade(), protection, aid, others));
    }

    private static Candidate classify(String token, GradeSystem hint) {
        if (token.equals("Easy5th")) {
            return new Candidate(GradeSystem.YDS, "Easy 5th", RouteScale.EASY_FIFTH);
        }
        if (token.endsWith("_Snow") || token.equalsIgnoreCase("snow")) {
            return new Candidate(GradeSystem.SNOW, token.replace('_', ' '), null);
        }
        Optional<Integer> yds = RouteScale.parseYds(token);
        if (yds.isPresent()) {
            return new Candidate(GradeSystem.YDS, token.toLowerCase(Locale.ROOT), yds.get());
        }
        Optional<Integer> v = BoulderScale.parseV(token);
        if (v.isPresent()) {
            String normalized = token.toLowerCase(Locale.ROOT).equals("v-easy") || token.equalsIgnoreCase("veasy")
                    ? "V-easy" : "V" + token.substring(1);
            return new Candidate(GradeSystem.V, normalized, v.get());
        }
        if (ICE.matcher(token).matches()) {
            return new Candidate(GradeSystem.ICE, token.toUpperCase(Locale.ROOT), null);
        }
        if (MIXED.matcher(token).matches()) {
            return new Candidate(GradeSystem.MIXED, token.toUpperCase(Locale.ROOT), null);
        }
        java.util.regex.Matcher marked = FONT_MARKED.matcher(token);
        if (marked.matches() || (hint == GradeSystem.FONT && FONT_ANY.matcher(token).matches())
                || (hint != GradeSystem.FRENCH && FONT_UPPER.matcher(token).matches() && HAS_FONT_LETTER.matcher(token).matches())) {
            String font = (marked.matches() ? marked.group(1) : token).toUpperCase(Locale.ROOT);
            return ConversionChart.indexOf(ConversionChart.FONT, font)
                    .map(index -> new Candidate(GradeSystem.FONT, font, index)).orElse(null);
        }
        if (FRENCH.matcher(token).matches() && (hint == GradeSystem.FRENCH || hint == null && token.length() > 1)) {
            return ConversionChart.indexOf(ConversionChart.FRENCH, token)
                    .map(index -> new Candidate(GradeSystem.FRENCH, token, index)).orElse(null);
        }
        if (ROMAN.matcher(token).matches() || (hint == GradeSystem.UIAA && ARABIC_UIAA.matcher(token).matches())) {
            String roman = ConversionChart.uiaaRoman(token);
            return ConversionChart.indexOf(ConversionChart.UIAA, roman)
                    .map(index -> new Candidate(GradeSystem.UIAA, roman, index)).orElse(null);
        }
        if (hint == GradeSystem.UK && UK_ANY.matcher(token).matches()) {
            String uk = token.toUpperCase(Locale.ROOT);
            return ConversionChart.indexOf(ConversionChart.UK, uk)
                    .map(index -> new Candidate(GradeSystem.UK, canonicalUk(uk), index)).orElse(null);
        }
        if (hint == GradeSystem.EWBANK && EWBANK.matcher(token).matches()) {
            return ConversionChart.indexOf(ConversionChart.EWBANK, token)
                    .map(index -> new Candidate(GradeSystem.EWBANK, token, index)).orElse(null);
        }
        return null;
    }

    /** "MOD" is written M, "DIFF" D, "VDIFF" VD. */
    private static String canonicalUk(String grade) {
        return switch (grade) {
            case "MOD" -> "M";
            case "DIFF" -> "D";
            case "VDIFF" -> "VD";
            case "HVDIFF" -> "HVD";
            default -> grade;
        };
    }
}
