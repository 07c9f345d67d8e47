package org.shangliang.sessions.domain;

/** Who may see a session (公开 / 内部). */
public enum Visibility {
    /** Everyone signed in. */
    PUBLIC,
    /** Its participants and the staff (organizers, CPPCC office, leaders) of its territory; to anyone else it does not exist. */
    INTERNAL
}
