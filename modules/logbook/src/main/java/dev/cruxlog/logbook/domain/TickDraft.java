package dev.cruxlog.logbook.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import dev.cruxlog.logbook.AscentStyle;
import dev.cruxlog.logbook.Discipline;

/** A tick ready to be written: from an import row or from the climber's form. */
public record TickDraft(String source, String sourceKey, String route, LocalDate climbedOn, String grade,
                        String gradeSystem, Integer gradeIndex, Integer gradeLevel, String protection, String aidGrade,
                        Discipline discipline, boolean disciplineConfirmed, AscentStyle style, String sourceStyle,
                        String sourceLeadStyle, String sourceRouteType, int pitches, Integer lengthFt, String location,
                        List<String> locationPath, String routeUrl, String notes, BigDecimal routeStars,
                        BigDecimal userStars, Integer sourceRatingCode, String sourceUserGrade, List<String> tags) {

    /**
     * {@code tags} null means "leave the stored tags alone" (imports of files without tags). Every
     * text is made {@link WellFormedText well-formed}: what is stored is then exactly the draft.
     */
    public TickDraft {
        source = WellFormedText.of(source);
        sourceKey = WellFormedText.of(sourceKey);
        route = WellFormedText.of(route);
        grade = WellFormedText.of(grade);
        gradeSystem = WellFormedText.of(gradeSystem);
        protection = WellFormedText.of(protection);
        aidGrade = WellFormedText.of(aidGrade);
        sourceStyle = WellFormedText.of(sourceStyle);
        sourceLeadStyle = WellFormedText.of(sourceLeadStyle);
        sourceRouteType = WellFormedText.of(sourceRouteType);
        location = WellFormedText.of(location);
        routeUrl = WellFormedText.of(routeUrl);
        notes = WellFormedText.of(notes);
        sourceUserGrade = WellFormedText.of(sourceUserGrade);
        locationPath = locationPath == null ? List.of() : List.copyOf(WellFormedText.of(locationPath));
        tags = tags == null ? null
                : WellFormedText.of(tags).stream().map(String::trim).filter(t -> !t.isEmpty()).distinct().toList();
    }

    /** Changes when anything the source says about the tick changes: the re-import test. */
    public String contentHash() {
        return sourceUserGrade == null ? contentHashBeforeUserGrade()
                : sha256(contentWithoutUserGrade() + "\u001f" + sourceUserGrade);
    }

    /**
     * The hash as it was before "Your Rating" was kept (logbook V7). A stored tick with this hash
     * is unchanged at its source: re-importing it must not count it as changed and overwrite the
     * climber's edits just because Cruxlog now reads one more column.
     */
    public String contentHashBeforeUserGrade() {
        return sha256(contentWithoutUserGrade());
    }

    private String contentWithoutUserGrade() {
        String content = String.join("\u001f", route, String.valueOf(climbedOn), grade, String.valueOf(discipline),
                String.valueOf(disciplineConfirmed), String.valueOf(style), String.valueOf(sourceStyle),
                String.valueOf(sourceLeadStyle), String.valueOf(sourceRouteType), String.valueOf(pitches),
                String.valueOf(lengthFt), String.valueOf(location), String.join(">", locationPath),
                String.valueOf(routeUrl), String.valueOf(notes), String.valueOf(routeStars), String.valueOf(userStars),
                String.valueOf(sourceRatingCode), String.valueOf(gradeIndex), String.valueOf(tags));
        return content;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
