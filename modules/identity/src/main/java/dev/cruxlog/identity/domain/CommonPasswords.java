package dev.cruxlog.identity.domain;

/** The passwords attackers try first. */
public interface CommonPasswords {

    boolean contains(String password);
}
