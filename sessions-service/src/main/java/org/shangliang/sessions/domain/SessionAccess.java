package org.shangliang.sessions.domain;

import static org.shangliang.commons.security.Roles.CPPCC_STAFF;
import static org.shangliang.commons.security.Roles.LEADER;
import static org.shangliang.commons.security.Roles.ORGANIZER;

import org.shangliang.commons.security.Caller;

/** Who sees an internal session besides its participants: the staff of its territory. One rule, used by reads and lists. */
public final class SessionAccess {

    private SessionAccess() {
    }

    /** Organizers, the CPPCC office and leaders whose territory covers the session's. */
    public static boolean isStaffOf(String territoryCode, Caller caller) {
        return caller.isSystem() || (caller.isAny(ORGANIZER, CPPCC_STAFF, LEADER) && caller.covers(territoryCode));
    }

    /** The territory whose internal sessions the caller sees as staff, or null when none. */
    public static String staffTerritory(Caller caller) {
        return caller.isAny(ORGANIZER, CPPCC_STAFF, LEADER) ? caller.territory() : null;
    }
}
