package org.shangliang.followup.domain;

import static org.shangliang.commons.security.Roles.CPPCC_STAFF;
import static org.shangliang.commons.security.Roles.HANDLER;
import static org.shangliang.commons.security.Roles.LEADER;
import static org.shangliang.commons.security.Roles.ORGANIZER;

import org.shangliang.commons.problem.Text;
import org.shangliang.commons.security.Access;
import org.shangliang.commons.security.Caller;

/** Who may see and handle a case (办理件): staff and leaders by territory, a department only its own cases. */
public final class CaseAccess {

    private CaseAccess() {
    }

    /** Follows cases by territory: the county office, leaders and township organizers. */
    public static boolean followsTerritory(Caller c) {
        return c.isAny(CPPCC_STAFF, LEADER, ORGANIZER);
    }

    public static boolean canSee(HandlingCase k, Caller c) {
        return (followsTerritory(c) && c.covers(k.territoryCode())) || isLeadUnit(k, c);
    }

    /** Reviews replies, reassigns, orders a redo and closes: the county office (政协办) over the case's territory. */
    public static boolean isReviewingStaff(HandlingCase k, Caller c) {
        return c.is(CPPCC_STAFF) && c.covers(k.territoryCode());
    }

    /** The territory a board or a count covers: the one asked for, if the caller covers it, else a 403; the caller's own when none is asked for. */
    public static String scope(String territory, Caller c) {
        String scope = territory == null ? c.territory() : territory;
        if (!c.covers(scope)) {
            throw Access.forbidden(Text.of(
                    "只能查看本人所辖区域（" + c.territory() + "）", "You may see only your territory (" + c.territory() + ")"));
        }
        return scope;
    }

    public static boolean isLeadUnit(HandlingCase k, Caller c) {
        return c.is(HANDLER) && c.unit() != null && c.unit().equals(k.leadUnitCode());
    }
}
