package dev.cruxlog.platform.web;

/**
 * What the page layout may know about whoever is signed in, without depending on the
 * identity module: the principal of an authenticated request implements this.
 */
public interface SignedInUser {

    /** The account's id, for modules that add something to every page (see {@link PageNotices}). */
    java.util.UUID id();

    String displayName();

    /** True until the climber confirms their email address: pages show a banner. */
    boolean needsEmailVerification();
}
