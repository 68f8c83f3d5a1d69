package dev.cruxlog.identity;

/** What a person may administer. Every account is a USER; a few are ADMINs. */
public enum Role {
    USER,
    ADMIN
}
