package dev.cruxlog.identity.application;

import java.time.Instant;

import dev.cruxlog.identity.CurrentUser;

/** What a valid access token says: who it speaks for, and when it was issued. */
public record AccessGrant(CurrentUser user, Instant issuedAt) {
}
