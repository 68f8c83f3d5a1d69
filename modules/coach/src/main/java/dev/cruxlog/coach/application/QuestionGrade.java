package dev.cruxlog.coach.application;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cruxlog.grades.Grade;
import dev.cruxlog.grades.GradeFamily;
import dev.cruxlog.grades.GradeSystem;
import dev.cruxlog.grades.Grades;
import dev.cruxlog.logbook.Discipline;

/**
 * The grade (and discipline) a question names, if it names one: "what do I need for 5.12a?",
 * "how far am I from 7a+ in sport", "V6 next?". Only tokens shaped like grades are read, so a
 * "30" in "the last 30 days" is not taken for an Ewbank grade; French is lower case and Font
 * upper case, as climbers write them.
 */
final class QuestionGrade {

    private static final Pattern GRADE = Pattern.compile(
            "(?<![\\w.])(5\\.\\d{1,2}(?:[abcd](?:/[abcd])?|[+-])?|[vV]\\d{1,2}|(?<french>[4-9][abc]\\+?)|(?<font>[4-8][ABC]\\+?))"
                    + "(?![\\w/])");

    record Named(Grade grade, String discipline) {
    }

    private QuestionGrade() {
    }

    static Optional<Named> in(String question, Grades grades) {
        if (question == null) {
            return Optional.empty();
        }
        Matcher m = GRADE.matcher(question);
        while (m.find()) {
            GradeSystem hint = m.group("french") != null ? GradeSystem.FRENCH : m.group("font") != null ? GradeSystem.FONT : null;
            Optional<Grade> grade = grades.parse(m.group(1), hint).filter(Grade::indexed);
            if (grade.isPresent()) {
                return Optional.of(new Named(grade.get(), discipline(question, grade.get())));
            }
        }
        return Optional.empty();
    }

    private static String discipline(String question, Grade grade) {
        if (grade.family() == GradeFamily.BOULDER) {
            return Discipline.BOULDER.id();
        }
        String words = question.toLowerCase(Locale.ROOT);
        return (words.contains("trad") ? Discipline.TRAD : Discipline.SPORT).id();
    }
}
