package dev.cruxlog.notifications;

import reactor.core.publisher.Mono;

/** Use case: send an email, exactly when the caller's transaction commits. */
public interface Mailer {

    /** Call inside the transaction that makes the change the email is about. */
    Mono<Void> queue(Email email);
}
