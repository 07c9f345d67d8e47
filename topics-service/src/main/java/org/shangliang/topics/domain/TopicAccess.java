package org.shangliang.topics.domain;

import static org.shangliang.commons.security.Roles.CPPCC_STAFF;
import static org.shangliang.commons.security.Roles.GRID_WORKER;
import static org.shangliang.commons.security.Roles.INTEGRATION;
import static org.shangliang.commons.security.Roles.LEADER;
import static org.shangliang.commons.security.Roles.MEMBER;
import static org.shangliang.commons.security.Roles.ORGANIZER;
import static org.shangliang.commons.security.Roles.RESIDENT;

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

    /** 变更流: who keeps an offline copy of a territory's topics reads all of them, so only those who see them all. */
    public static boolean canFollowTerritory(Caller c, String territory) {
        return territorialReader(c) && c.covers(territory);
    }

    /** A township system (client credentials) creates and reads only for its township. */
    static boolean townshipSystemOnly(Caller c) {
        return c.is(INTEGRATION) && !c.isAny(ORGANIZER, CPPCC_STAFF, LEADER, GRID_WORKER);
    }

    public static boolean canSee(Topic t, Caller c) {
        if (t.status() == TopicStatus.DRAFT) return t.isAuthor(c.subject()); // a draft is its author's alone
        if (townshipSystemOnly(c)) return c.covers(t.territoryCode());
        return t.isPublic() || t.isAuthor(c.subject()) || (territorialReader(c) && c.covers(t.territoryCode()))
                || ((t.status() == TopicStatus.SUBMITTED || t.status() == TopicStatus.MERGED) && livesUnder(t, c)) || isReceiver(t, c);
    }

    /** The staff of the level a pending 上报 / 下转 goes to: they see it to receive or return it. */
    public static boolean isReceiver(Topic t, Caller c) {
        return t.status() == TopicStatus.ESCALATED && t.pendingHopTo() != null && c.isAny(ORGANIZER, CPPCC_STAFF) && c.covers(t.pendingHopTo());
    }

    /**
     * Residents and members whose own territory lies inside the topic's see it while it waits for
     * screening, so they can support it (附议): a village's residents see their village's topics and
     * their township's and county's.
     */
    static boolean livesUnder(Topic t, Caller c) {
        return c.isAny(RESIDENT, MEMBER) && c.territory() != null && c.territory().startsWith(t.territoryCode());
    }

    /** Phone and name of the proposer: the proposer, whoever filed it for them, and the staff who work the topic, nobody else. */
    public static boolean canSeeProposer(Topic t, Caller c) {
        return t.isAuthor(c.subject()) || (c.isAny(ORGANIZER, CPPCC_STAFF, LEADER, GRID_WORKER) && c.covers(t.territoryCode()));
    }

    /** The proposer's name as other residents see it: hidden when they asked to stay anonymous. */
    public static boolean canSeeProposerName(Topic t, Caller c) {
        return canSeeProposer(t, c) || !t.anonymous();
    }

    /** 撤回: the proposer, or the grid worker who filed it for them. */
    public static boolean canWithdraw(Topic t, Caller c) {
        return t.isAuthor(c.subject());
    }

    /** 附件: who may edit the topic may add its evidence; a draft's only its author. */
    public static boolean canAttach(Topic t, Caller c) {
        return canEdit(t, c);
    }

    public static boolean canScreen(Topic t, Caller c) {
        return c.isAny(ORGANIZER, CPPCC_STAFF) && c.covers(t.territoryCode());
    }

    public static boolean canEdit(Topic t, Caller c) {
        if (t.status() == TopicStatus.DRAFT) return t.isAuthor(c.subject());
        return t.isAuthor(c.subject()) || canScreen(t, c);
    }

    /** Who may submit in a territory: anyone with a submitting role, inside their own territory. */
    public static boolean canSubmitIn(String territoryCode, Caller c) {
        return c.covers(territoryCode);
    }
}
