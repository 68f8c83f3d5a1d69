package dev.cruxlog.logbook.domain;

import java.util.Locale;
import java.util.Optional;

import dev.cruxlog.logbook.AscentStyle;
import dev.cruxlog.logbook.Discipline;

/**
 * The words each logbook uses for how a climb went, as one {@link AscentStyle}. Empty means
 * the word is new to us: the caller keeps the tick, counts it as an attempt and tells the
 * climber, rather than guessing a send.
 */
public final class AscentTerms {

    private AscentTerms() {
    }

    /**
     * 8a.nu's ascent types (JSON {@code type}, CSV {@code type}): os, f/fl, rp, go (second go, a
     * redpoint on the second try), tr, attempt; an ascent flagged {@code project} was not sent
     * and one flagged {@code repeat} is a repeat.
     */
    public static Optional<AscentStyle> eightA(String type, boolean project, boolean repeat) {
        if (project) {
            return Optional.of(AscentStyle.ATTEMPT);
        }
        Optional<AscentStyle> style = switch (normal(type)) {
            case "os", "onsight" -> Optional.of(AscentStyle.ONSIGHT);
            case "f", "fl", "flash" -> Optional.of(AscentStyle.FLASH);
            case "rp", "redpoint", "go", "second go" -> Optional.of(AscentStyle.REDPOINT);
            case "tr", "toprope", "top rope" -> Optional.of(AscentStyle.TOP_ROPE);
            case "attempt", "project" -> Optional.of(AscentStyle.ATTEMPT);
            case "repeat" -> Optional.of(AscentStyle.REPEAT);
            default -> Optional.empty();
        };
        return repeat && style.filter(AscentStyle::isSend).isPresent() ? Optional.of(AscentStyle.REPEAT) : style;
    }

    /** theCrag's ascent types ("Red point", "Onsight", "Send", "Second clean", "Hang dog", ...). */
    public static Optional<AscentStyle> theCrag(String ascentType) {
        String type = normal(ascentType).replace("-", " ");
        return switch (type) {
            case "onsight", "on sight", "onsight solo" -> Optional.of(AscentStyle.ONSIGHT);
            case "flash", "flash solo", "ground up flash" -> Optional.of(AscentStyle.FLASH);
            case "red point", "redpoint", "send", "clean", "tick", "lead", "ground up red point", "ground up" ->
                    Optional.of(AscentStyle.REDPOINT);
            case "pink point", "pinkpoint" -> Optional.of(AscentStyle.PINKPOINT);
            case "top rope", "top rope onsight", "top rope flash", "top rope clean" -> Optional.of(AscentStyle.TOP_ROPE);
            case "second", "second clean", "follow" -> Optional.of(AscentStyle.FOLLOW);
            case "solo", "free solo", "deep water solo" -> Optional.of(AscentStyle.SOLO);
            case "repeat" -> Optional.of(AscentStyle.REPEAT);
            case "attempt", "hang dog", "dog", "working", "retreat", "top rope with rest", "second with rest",
                 "lead with rest", "aid", "aid solo", "dnf", "target", "mark", "bail" -> Optional.of(AscentStyle.ATTEMPT);
            default -> Optional.empty();
        };
    }

    /**
     * UKClimbing's styles: "Lead", "Lead O/S", "Lead β" (beta flash), "Lead RP", "Lead dog", "Lead dnf",
     * "2nd", "2nd O/S", "AltLd", "Solo", "Sent", "Sent x" (flash), "TR", "DWS", "-" (not given).
     */
    public static Optional<AscentStyle> ukc(String style) {
        String s = normal(style).replace("alt lead", "altld").replace("alternate lead", "altld");
        if (s.isEmpty() || s.equals("-")) {
            return Optional.empty();
        }
        if (s.contains("dnf") || s.contains("dog") || s.contains("rpt") && s.contains("fail")) {
            return Optional.of(AscentStyle.ATTEMPT);
        }
        if (s.startsWith("2nd") || s.startsWith("second")) {
            return Optional.of(AscentStyle.FOLLOW);
        }
        if (s.startsWith("tr") || s.startsWith("top rope")) {
            return Optional.of(AscentStyle.TOP_ROPE);
        }
        if (s.startsWith("solo") || s.startsWith("dws")) {
            return Optional.of(AscentStyle.SOLO);
        }
        if (s.startsWith("lead") || s.startsWith("altld") || s.startsWith("sent")) {
            if (s.contains("o/s") || s.contains("onsight")) {
                return Optional.of(AscentStyle.ONSIGHT);
            }
            if (s.contains("β") || s.contains("beta") || s.contains("flash") || s.endsWith(" x")) {
                return Optional.of(AscentStyle.FLASH);
            }
            return Optional.of(AscentStyle.REDPOINT);
        }
        return Optional.empty();
    }

    /** 27crags' {@code ascent_type}: onsight, flash, redpoint, toprope, ... */
    public static Optional<AscentStyle> twentySevenCrags(String type) {
        return switch (normal(type).replace("_", " ")) {
            case "onsight" -> Optional.of(AscentStyle.ONSIGHT);
            case "flash" -> Optional.of(AscentStyle.FLASH);
            case "redpoint", "send", "ascent" -> Optional.of(AscentStyle.REDPOINT);
            case "toprope", "top rope" -> Optional.of(AscentStyle.TOP_ROPE);
            case "attempt", "project" -> Optional.of(AscentStyle.ATTEMPT);
            default -> Optional.empty();
        };
    }

    /** Sendage's "Send Type": onsight, flash, redpoint, pinkpoint, toprope, attempt. */
    public static Optional<AscentStyle> sendage(String sendType) {
        return switch (normal(sendType)) {
            case "onsight" -> Optional.of(AscentStyle.ONSIGHT);
            case "flash" -> Optional.of(AscentStyle.FLASH);
            case "redpoint", "send" -> Optional.of(AscentStyle.REDPOINT);
            case "pinkpoint" -> Optional.of(AscentStyle.PINKPOINT);
            case "toprope", "top rope" -> Optional.of(AscentStyle.TOP_ROPE);
            case "repeat" -> Optional.of(AscentStyle.REPEAT);
            case "attempt", "project" -> Optional.of(AscentStyle.ATTEMPT);
            default -> Optional.empty();
        };
    }

    /** A discipline named by a logbook ("Sport", "Trad", "Boulder", "Top rope", "Aid", "Winter", ...). */
    public static Optional<Discipline> discipline(String named) {
        return switch (normal(named)) {
            case "sport", "sportclimbing", "sport climbing", "route" -> Optional.of(Discipline.SPORT);
            case "trad", "traditional" -> Optional.of(Discipline.TRAD);
            case "boulder", "bouldering" -> Optional.of(Discipline.BOULDER);
            case "top rope", "toprope", "tr" -> Optional.of(Discipline.TOP_ROPE);
            case "aid", "aid climbing" -> Optional.of(Discipline.AID);
            case "ice", "ice climbing", "winter" -> Optional.of(Discipline.ICE);
            case "mixed" -> Optional.of(Discipline.MIXED);
            case "alpine", "mountaineering" -> Optional.of(Discipline.ALPINE);
            case "snow" -> Optional.of(Discipline.SNOW);
            default -> Optional.empty();
        };
    }

    private static String normal(String text) {
        return text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
