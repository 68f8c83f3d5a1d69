package dev.cruxlog.notifications;

import java.util.Objects;
import java.util.UUID;

/**
 * An email to send.
 *
 * @param to        recipient address
 * @param template  which message
 * @param name      how to greet the recipient (their username)
 * @param actionUrl the link the message is about (verify, reset...), or null
 * @param ownerId   the account it belongs to, or null once that account is gone
 */
public record Email(String to, EmailTemplate template, String name, String actionUrl, UUID ownerId) {

    public Email {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(template, "template");
    }
}
