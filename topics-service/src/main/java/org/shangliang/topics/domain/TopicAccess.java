package org.shangliang.topics.domain;

import static org.shangliang.commons.security.Roles.CPPCC_STAFF;
import static org.shangliang.commons.security.Roles.GRID_WORKER;
import static org.shangliang.commons.security.Roles.INTEGRATION;
import static org.shangliang.commons.security.Roles.LEADER;
import static org.shangliang.commons.security.Roles.ORGANIZER;

import org.shangliang.commons.security.Caller;

/**
 * Who may see and touch a topic (议题). Territories are code prefixes; accepted topics are public
 * to every signed-in user, except township systems, which see only their township.
 */
public final class TopicAccess {

    private TopicAccess() {
    }

    /** Roles that read every topic of their territory, public or not. */
    static boolean territorialReader(Caller c) {
        return c.isAny(ORGANIZER, CPPCC_STAFF, LEADER, GRID_WORKER, INTEGRATION);
    }

    /** A township system (client credentials) creates and reads only for its township. */
    static boolean townshipSystemOnly(Caller c) {
        return c.is(INTEGRATION) && !c.isAny(ORGANIZER, CPPCC_STAFF, LEADER, GRID_WORKER);
    }

    public static boolean canSee(Topic t, Caller c) {
        if (townshipSystemOnly(c)) return c.covers(t.territoryCode());
        return t.isPublic() || t.proposer().equals(c.subject()) || (territorialReader(c) && c.covers(t.territoryCode()));
    }

    /** Phone and name of the proposer: the proposer and the staff who work the topic, nobody else. */
    public static boolean canSeeProposer(Topic t, Caller c) {
        return t.proposer().equals(c.subject()) || (c.isAny(ORGANIZER, CPPCC_STAFF, LEADER, GRID_WORKER) && c.covers(t.territoryCode()));
    }

    public static boolean canScreen(Topic t, Caller c) {
        return c.isAny(ORGANIZER, CPPCC_STAFF) && c.covers(t.territoryCode());
    }

    public static boolean canEdit(Topic t, Caller c) {
        return t.proposer().equals(c.subject()) || canScreen(t, c);
    }

    /** Who may submit in a territory: anyone with a submitting role, inside their own territory. */
    public static boolean canSubmitIn(String territoryCode, Caller c) {
        return c.covers(territoryCode);
    }
}
