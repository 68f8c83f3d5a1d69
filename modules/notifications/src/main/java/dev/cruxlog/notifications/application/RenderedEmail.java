package dev.cruxlog.notifications.application;

/** A message ready to send: both bodies, so every mail client shows something sensible. */
public record RenderedEmail(String to, String subject, String html, String text) {
}
