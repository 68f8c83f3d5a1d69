package dev.cruxlog.logbook.domain;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.cruxlog.grades.Grade;
import dev.cruxlog.grades.GradeFamily;
import dev.cruxlog.grades.GradeSystem;
import dev.cruxlog.logbook.AscentStyle;
import dev.cruxlog.logbook.Discipline;

/**
 * Mountain Project's Style, Lead Style and Route Type columns, turned into a discipline and
 * an ascent style. The old app's rules, with its gaps closed:
 * <ul>
 *   <li>a single route type maps directly; a boulder grade means a boulder;</li>
 *   <li>the discipline is the route's, whoever led it: a top rope or a follow of a sport or
 *       trad route stays sport or trad, its ascent style says top rope or follow (the old
 *       app made every single-pitch follow "tr", so a follow of "Razor Worm", Trad, vanished
 *       from the trad pyramid); only a route Mountain Project types as TR alone, or a TR tick
 *       of an untyped route, is discipline top rope;</li>
 *   <li>"Trad, Sport" and other mixes: ice and mixed grades decide; otherwise the first
 *       listed rock type, flagged for the climber to confirm (the old app dropped these);</li>
 *   <li>sends: onsight, flash, redpoint, pinkpoint, a lead without "Fell/Hung", a boulder
 *       "Send" or "Flash"; clean top ropes and follows (no fall words in the notes) are
 *       ascents of their own style, sends only when the climber counts them.</li>
 * </ul>
 */
public final class MountainProjectClassifier {

    private static final Pattern FALL_WORDS = Pattern.compile(
            "\\b(fell|falls?|hung|hang(ing|s)?|took|dogg?ed|rested on|weighted)\\b", Pattern.CASE_INSENSITIVE);

    private MountainProjectClassifier() {
    }

    public static Classification classify(String routeType, String style, String leadStyle, Grade grade, String notes) {
        Set<String> types = new LinkedHashSet<>();
        if (routeType != null) {
            for (String type : routeType.split(",")) {
                if (!type.isBlank()) {
                    types.add(type.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        String s = style == null ? "" : style.trim().toLowerCase(Locale.ROOT);
        String lead = leadStyle == null ? "" : leadStyle.trim().toLowerCase(Locale.ROOT);

        Discipline discipline;
        boolean confirmed = true;
        boolean boulderGrade = grade != null && grade.family() == GradeFamily.BOULDER;
        if (boulderGrade || types.equals(Set.of("boulder"))) {
            discipline = Discipline.BOULDER;
        } else if (types.isEmpty() && s.equals("tr")) {
            discipline = Discipline.TOP_ROPE;
        } else {
            Set<String> rock = new LinkedHashSet<>(types);
            rock.retainAll(Set.of("sport", "trad"));
            if (grade != null && grade.system() == GradeSystem.ICE && types.contains("ice")) {
                discipline = Discipline.ICE;
            } else if (grade != null && grade.system() == GradeSystem.MIXED) {
                discipline = Discipline.MIXED;
            } else if (rock.size() == 1) {
                discipline = rock.contains("sport") ? Discipline.SPORT : Discipline.TRAD;
            } else if (rock.size() > 1) {
                discipline = Discipline.fromId(rock.iterator().next());
                confirmed = false;
            } else if (types.contains("tr")) {
                discipline = Discipline.TOP_ROPE;
            } else if (!types.isEmpty()) {
                discipline = single(types.iterator().next());
                confirmed = types.size() == 1;
            } else {
                discipline = grade != null && grade.system() == GradeSystem.AID ? Discipline.AID : Discipline.SPORT;
                confirmed = false;
            }
        }

        AscentStyle ascent = style(discipline, s, lead, notes);
        return new Classification(discipline, confirmed, ascent);
    }

    private static Discipline single(String type) {
        return switch (type) {
            case "sport" -> Discipline.SPORT;
            case "trad" -> Discipline.TRAD;
            case "tr" -> Discipline.TOP_ROPE;
            case "boulder" -> Discipline.BOULDER;
            case "ice" -> Discipline.ICE;
            case "mixed" -> Discipline.MIXED;
            case "aid" -> Discipline.AID;
            case "alpine" -> Discipline.ALPINE;
            case "snow" -> Discipline.SNOW;
            default -> Discipline.SPORT;
        };
    }

    private static AscentStyle style(Discipline discipline, String style, String lead, String notes) {
        if (!lead.isEmpty()) {
            AscentStyle fromLead = switch (lead) {
                case "onsight" -> AscentStyle.ONSIGHT;
                case "flash" -> AscentStyle.FLASH;
                case "redpoint" -> AscentStyle.REDPOINT;
                case "pinkpoint" -> AscentStyle.PINKPOINT;
                case "fell/hung" -> AscentStyle.ATTEMPT;
                default -> null;
            };
            if (fromLead != null && (style.isEmpty() || style.equals("lead"))) {
                return fromLead;
            }
            if (fromLead == AscentStyle.ATTEMPT) {
                return AscentStyle.ATTEMPT;
            }
        }
        boolean fell = notes != null && FALL_WORDS.matcher(notes).find();
        return switch (style) {
            case "lead" -> AscentStyle.REDPOINT;
            case "send" -> AscentStyle.REDPOINT;
            case "flash" -> AscentStyle.FLASH;
            case "solo" -> AscentStyle.SOLO;
            case "attempt" -> AscentStyle.ATTEMPT;
            case "tr" -> fell ? AscentStyle.ATTEMPT : AscentStyle.TOP_ROPE;
            case "follow" -> fell ? AscentStyle.ATTEMPT : AscentStyle.FOLLOW;
            default -> AscentStyle.ATTEMPT;
        };
    }
}
