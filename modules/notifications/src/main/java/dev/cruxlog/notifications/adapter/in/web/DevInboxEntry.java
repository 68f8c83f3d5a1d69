package dev.cruxlog.notifications.adapter.in.web;

/** One email as the dev inbox page shows it. */
public record DevInboxEntry(String to, String subject, String sentAt, String text) {
}
