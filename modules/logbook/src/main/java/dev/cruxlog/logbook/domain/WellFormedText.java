package dev.cruxlog.logbook.domain;

import java.util.List;

/**
 * Text as the database will store it. A UTF-16 surrogate without its pair (a JSON export may
 * escape one, the first half of an emoji cut off) has no UTF-8 form: the driver's encoder
 * writes {@code ?} for it, so the stored tick would differ from the draft an import folds its
 * figures from (ADR 0023). It becomes {@code ?} here, once: what the encoder has always stored,
 * and what content hashes (SHA-256 of the UTF-8 bytes) were computed from, so ticks imported
 * before keep their source keys and hashes, and a re-import still finds them unchanged.
 */
public final class WellFormedText {

    static final char REPLACEMENT = '?';

    private WellFormedText() {
    }

    /** The same instance when it is well-formed (nearly always), else a copy with each lone surrogate replaced. */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return replaced(text);
            }
        }
        return text;
    }

    /** {@link #of} of every element; null stays null. */
    public static List<String> of(List<String> texts) {
        if (texts == null || texts.stream().allMatch(text -> of(text) == text)) {
            return texts;
        }
        return texts.stream().map(WellFormedText::of).toList();
    }

    private static String replaced(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? REPLACEMENT : c);
            }
        }
        return out.toString();
    }
}
