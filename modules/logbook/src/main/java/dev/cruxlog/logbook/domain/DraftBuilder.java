package dev.cruxlog.logbook.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.cruxlog.grades.Grade;
import dev.cruxlog.logbook.AscentStyle;
import dev.cruxlog.logbook.Discipline;
import dev.cruxlog.logbook.domain.LocationPath;

/**
 * Assembles a {@link TickDraft} field by field, so each source's translator says only what
 * its export knows. One builder per export: it also numbers repeated climbs (two laps of a
 * route on one day) so each gets its own stable key.
 */
public final class DraftBuilder {

    /** The source of ticks entered by hand: the climber's own word, never linked as a duplicate. */
    public static final String MANUAL = "manual";

    private final String source;
    private final Map<String, Integer> occurrences = new HashMap<>();

    private String key;
    private String route;
    private LocalDate climbedOn;
    private String gradeText;
    private Grade grade;
    private Discipline discipline;
    private boolean disciplineConfirmed;
    private AscentStyle style;
    private String sourceStyle;
    private String sourceRouteType;
    private int pitches;
    private Integer lengthFt;
    private LocationPath location;
    private String routeUrl;
    private String notes;
    private BigDecimal routeStars;
    private BigDecimal userStars;
    private String sourceLeadStyle;
    private Integer sourceRatingCode;
    private String sourceUserGrade;
    private List<String> tags;

    DraftBuilder(String source) {
        this.source = source;
    }

    /** Starts a tick. {@code identity} is what makes it the same tick in the next export of the same logbook. */
    DraftBuilder tick(String identity, String route, LocalDate climbedOn) {
        int occurrence = occurrences.merge(identity, 1, Integer::sum);
        return start(TickDraft.sha256(identity).substring(0, 32) + "#" + occurrence, route, climbedOn);
    }

    /** Starts a tick the climber enters by hand: it has no source row, so no key a later export could match. */
    public static DraftBuilder manual(String route, LocalDate climbedOn) {
        return new DraftBuilder(MANUAL).start(null, route, climbedOn);
    }

    private DraftBuilder start(String key, String route, LocalDate climbedOn) {
        this.key = key;
        this.route = route;
        this.climbedOn = climbedOn;
        this.gradeText = "";
        this.grade = null;
        this.discipline = Discipline.SPORT;
        this.disciplineConfirmed = true;
        this.style = AscentStyle.REDPOINT;
        this.sourceStyle = null;
        this.sourceRouteType = null;
        this.pitches = 1;
        this.lengthFt = null;
        this.location = LocationPath.of(List.of());
        this.routeUrl = null;
        this.notes = null;
        this.routeStars = null;
        this.userStars = null;
        this.sourceLeadStyle = null;
        this.sourceRatingCode = null;
        this.sourceUserGrade = null;
        this.tags = null;
        return this;
    }

    public DraftBuilder grade(String asLogged, Grade understood) {
        this.gradeText = asLogged;
        this.grade = understood;
        return this;
    }

    public DraftBuilder discipline(Discipline discipline, boolean confirmed) {
        this.discipline = discipline;
        this.disciplineConfirmed = confirmed;
        return this;
    }

    public DraftBuilder style(AscentStyle style, String asLogged) {
        this.style = style;
        this.sourceStyle = SourceFields.emptyToNull(asLogged);
        return this;
    }

    /** Mountain Project's own "Lead Style" column, kept as logged. */
    DraftBuilder leadStyle(String asLogged) {
        this.sourceLeadStyle = SourceFields.emptyToNull(asLogged);
        return this;
    }

    /** The source's numeric code for the grade (Mountain Project's "Rating Code"), when it has one. */
    DraftBuilder ratingCode(Integer code) {
        this.sourceRatingCode = code;
        return this;
    }

    /** The grade the climber gave the route themselves (Mountain Project's "Your Rating"). */
    DraftBuilder userGrade(String asLogged) {
        this.sourceUserGrade = SourceFields.emptyToNull(asLogged);
        return this;
    }

    /** The climber's tags; null when the export has no tags column, so the stored ones are left alone. */
    public DraftBuilder tags(List<String> tags) {
        this.tags = tags;
        return this;
    }

    DraftBuilder routeType(String asLogged) {
        this.sourceRouteType = SourceFields.emptyToNull(asLogged);
        return this;
    }

    public DraftBuilder pitches(Integer pitches) {
        this.pitches = pitches == null ? 1 : Math.max(1, pitches);
        return this;
    }

    public DraftBuilder lengthFt(Integer lengthFt) {
        this.lengthFt = lengthFt == null || lengthFt <= 0 ? null : lengthFt;
        return this;
    }

    public DraftBuilder location(LocationPath location) {
        this.location = location;
        return this;
    }

    DraftBuilder routeUrl(String url) {
        this.routeUrl = SourceFields.emptyToNull(url);
        return this;
    }

    public DraftBuilder notes(String notes) {
        this.notes = SourceFields.emptyToNull(notes);
        return this;
    }

    /** Stars on Mountain Project's 0..4 scale, whatever the source's scale ({@code outOf}). */
    DraftBuilder routeStars(Double stars, int outOf) {
        this.routeStars = SourceFields.starsOutOfFour(stars, outOf);
        return this;
    }

    DraftBuilder userStars(Double stars, int outOf) {
        this.userStars = SourceFields.starsOutOfFour(stars, outOf);
        return this;
    }

    public TickDraft build() {
        return new TickDraft(source, key, route, climbedOn, gradeText,
                grade == null ? null : grade.system().id(), grade == null ? null : grade.index(),
                grade == null ? null : grade.level(), grade == null ? null : grade.protection(),
                grade == null ? null : grade.aid(), discipline, disciplineConfirmed, style, sourceStyle, sourceLeadStyle,
                sourceRouteType, pitches, lengthFt, location.display(), location.parts(), routeUrl, notes,
                routeStars, userStars, sourceRatingCode, sourceUserGrade, tags);
    }

    static BigDecimal scale(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
