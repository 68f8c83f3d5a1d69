package dev.cruxlog.web.adapter.in.web;

import org.springframework.security.web.server.csrf.CsrfToken;

/**
 * What the header shows: who is signed in (if anyone), whether to remind them to confirm
 * their email address, and the CSRF token the sign-out form needs.
 */
public record Navigation(String signedInAs, boolean needsEmailVerification, CsrfToken csrf) {

    public static Navigation anonymous(CsrfToken csrf) {
        return new Navigation(null, false, csrf);
    }

    public boolean signedIn() {
        return signedInAs != null;
    }
}
