package dev.cruxlog.web.adapter.in.web;

import org.springframework.security.web.server.csrf.CsrfToken;

/**
 * What the header shows: who is signed in (if anyone) and the CSRF token the sign-out
 * form needs.
 */
public record Navigation(String signedInAs, CsrfToken csrf) {

    public boolean signedIn() {
        return signedInAs != null;
    }
}
