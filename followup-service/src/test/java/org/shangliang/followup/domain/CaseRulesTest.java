package org.shangliang.followup.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.security.Caller;
import org.shangliang.commons.security.Roles;

/** The case's state machine and who may see and sign it, without a database. */
class CaseRulesTest {

    private static HandlingCase aCase() {
        return HandlingCase.open("BJ-2026-0001", UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "YT-2026-0001", "惠通村土地确权", "核对台账", "agri-rural", "县农业农村局", LocalDate.of(2027, 1, 31), "330421003201");
    }

    @Test
    void a_case_is_signed_once() {
        assertEquals(CaseStatus.SIGNED, CaseStatus.ASSIGNED.next(CaseStatus.Action.SIGN));
        ApiException refused = assertThrows(ApiException.class, () -> CaseStatus.SIGNED.next(CaseStatus.Action.SIGN));
        assertEquals(409, refused.status());
    }

    @Test
    void the_lead_unit_and_the_territory_follow_a_case_nobody_else() {
        HandlingCase k = aCase();
        assertTrue(CaseAccess.canSee(k, new Caller("clerk", "clerk", Set.of(Roles.HANDLER), "330421", "agri-rural", null)));
        assertTrue(CaseAccess.isLeadUnit(k, new Caller("clerk", "clerk", Set.of(Roles.HANDLER), "330421", "agri-rural", null)));
        assertFalse(CaseAccess.isLeadUnit(k, new Caller("clerk", "clerk", Set.of(Roles.HANDLER), "330421", "县农业农村局", null)),
                "a token names its unit by code, not by name");
        assertFalse(CaseAccess.canSee(k, new Caller("other", "other", Set.of(Roles.HANDLER), "330421", "housing-construction", null)));
        assertTrue(CaseAccess.canSee(k, new Caller("huimin", "huimin", Set.of(Roles.ORGANIZER), "330421003", null, null)));
        assertFalse(CaseAccess.canSee(k, new Caller("weitang", "weitang", Set.of(Roles.ORGANIZER), "330421001", null, null)));
        assertFalse(CaseAccess.canSee(k, new Caller("wang", "wang", Set.of(Roles.RESIDENT), "330421003201", null, null)));
        assertFalse(CaseAccess.isLeadUnit(k, new Caller("staff", "staff", Set.of(Roles.CPPCC_STAFF), "330421", "agri-rural", null)),
                "only a handler of the unit signs");
    }
}
