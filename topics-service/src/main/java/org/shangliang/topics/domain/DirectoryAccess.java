package org.shangliang.topics.domain;

import static org.shangliang.commons.security.Roles.CPPCC_STAFF;
import static org.shangliang.commons.security.Roles.GRID_WORKER;
import static org.shangliang.commons.security.Roles.LEADER;
import static org.shangliang.commons.security.Roles.ORGANIZER;

import java.util.List;
import org.shangliang.commons.security.Caller;

/**
 * Who may maintain the directory (名录): the county CPPCC office. Everyone signed in reads it; a
 * member's phone is personal data, shown as a proposer's is.
 */
public final class DirectoryAccess {

    private DirectoryAccess() {
    }

    /**
     * Staff maintain what lies in their territory. County staff also record neighbouring counties
     * and the cross-region entries their county is a member of (三地政协联动): the prefix rule
     * cannot cover those, so membership decides.
     */
    public static boolean canMaintain(String code, List<String> crossRegionMembers, Caller c) {
        if (!c.is(CPPCC_STAFF)) return false;
        if (c.covers(code)) return true;
        boolean countyStaff = c.territory() != null && c.territory().length() == 6;
        TerritoryKind kind = TerritoryKind.of(code);
        if (kind == TerritoryKind.COUNTY) return countyStaff;
        if (kind == TerritoryKind.CROSS_REGION) return countyStaff && crossRegionMembers.contains(c.territory());
        return false;
    }

    /** A member linked to a grid is maintained by staff covering the grid; an unlinked one by county staff. */
    public static boolean canMaintainMember(String gridCode, Caller c) {
        if (gridCode != null) return canMaintain(gridCode, List.of(), c);
        return c.is(CPPCC_STAFF) && c.territory() != null && c.territory().length() == 6;
    }

    public static boolean canSeePhone(Member m, Caller c) {
        if (m.subject() != null && m.subject().equals(c.subject())) return true;
        return c.isAny(ORGANIZER, CPPCC_STAFF, LEADER, GRID_WORKER) && m.gridCode() != null && c.covers(m.gridCode())
                || c.isAny(CPPCC_STAFF, LEADER) && m.gridCode() == null;
    }
}
