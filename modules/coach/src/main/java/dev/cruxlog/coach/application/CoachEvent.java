package dev.cruxlog.coach.application;

import java.util.UUID;

import dev.cruxlog.coach.AnswerStatus;

/**
 * One server-sent event of an answer: {@code started} (the question's and answer's ids and who
 * answers), {@code token} (the next piece of text), {@code done} (the answer's final status:
 * complete or cancelled), or {@code error} (a message for the climber; what had arrived is kept).
 */
public record CoachEvent(String type, UUID questionId, UUID messageId, String text, AnswerStatus status, String answeredBy) {

    static CoachEvent started(UUID questionId, UUID answerId, String answeredBy) {
        return new CoachEvent("started", questionId, answerId, null, AnswerStatus.STREAMING, answeredBy);
    }

    static CoachEvent token(UUID answerId, String text) {
        return new CoachEvent("token", null, answerId, text, null, null);
    }

    static CoachEvent done(UUID answerId, AnswerStatus status) {
        return new CoachEvent("done", null, answerId, null, status, null);
    }

    static CoachEvent error(UUID answerId, String message) {
        return new CoachEvent("error", null, answerId, message, AnswerStatus.FAILED, null);
    }
}
