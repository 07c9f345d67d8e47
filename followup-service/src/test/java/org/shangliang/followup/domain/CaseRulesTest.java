package org.shangliang.followup.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
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

    /** Every (status, action) pair: the table of the issue, allowed ones lead where it says, all others are a 409 naming the allowed. */
    @Test
    void every_move_allowed_and_refused() {
        java.util.Map<String, String> allowed = new java.util.HashMap<>();
        for (String row : List.of(
                "ASSIGNED SIGN SIGNED", "ASSIGNED REQUEST_RETURN RETURN_REQUESTED", "ASSIGNED REASSIGN ASSIGNED", "ASSIGNED WITHDRAW WITHDRAWN",
                "RETURN_REQUESTED REASSIGN ASSIGNED", "RETURN_REQUESTED INSIST ASSIGNED", "RETURN_REQUESTED WITHDRAW WITHDRAWN",
                "SIGNED REPORT_PROGRESS IN_PROGRESS", "SIGNED REPLY REPLIED", "SIGNED REASSIGN ASSIGNED", "SIGNED WITHDRAW WITHDRAWN",
                "IN_PROGRESS REPORT_PROGRESS IN_PROGRESS", "IN_PROGRESS REPLY REPLIED", "IN_PROGRESS REASSIGN ASSIGNED", "IN_PROGRESS WITHDRAW WITHDRAWN",
                "REPLIED APPROVE_REPLY REPLY_APPROVED", "REPLIED SEND_BACK IN_PROGRESS", "REPLIED REASSIGN ASSIGNED", "REPLIED WITHDRAW WITHDRAWN",
                "REPLY_APPROVED EVALUATE REPLY_APPROVED", "REPLY_APPROVED REDO IN_PROGRESS", "REPLY_APPROVED CLOSE CLOSED",
                "REPLY_APPROVED REASSIGN ASSIGNED", "REPLY_APPROVED WITHDRAW WITHDRAWN")) {
            String[] p = row.split(" ");
            allowed.put(p[0] + " " + p[1], p[2]);
        }
        int refusedCount = 0;
        for (CaseStatus from : CaseStatus.values()) {
            for (CaseStatus.Action action : CaseStatus.Action.values()) {
                String to = allowed.get(from + " " + action);
                if (to != null) {
                    assertEquals(CaseStatus.valueOf(to), from.next(action), from + " " + action);
                } else {
                    ApiException e = assertThrows(ApiException.class, () -> from.next(action), from + " " + action);
                    assertEquals(409, e.status());
                    String names = from.allowed().stream().filter(a -> !a.fromEvents()).map(Enum::name).sorted().reduce((a, b) -> a + ", " + b).orElse("none");
                    assertTrue(e.detail().en().contains("Allowed from " + from + ": " + names), e.detail().en());
                    refusedCount++;
                }
            }
        }
        assertEquals(CaseStatus.values().length * CaseStatus.Action.values().length - allowed.size(), refusedCount);
        assertFalse(CaseStatus.CLOSED.isOpen());
        assertTrue(CaseStatus.CLOSED.allowed().isEmpty(), "a closed case is not reopened");
    }

    @Test
    void the_redo_limit_holds() {
        HandlingCase k = aCase();
        java.time.Instant t = java.time.Instant.parse("2026-12-01T00:00:00Z");
        k.sign(t, null);
        for (int i = 0; i < 2; i++) {
            k.reply("答复", ResolutionDegree.C, "clerk", t, LocalDate.of(2026, 12, 1));
            k.approveReply(t);
            k.redo(2, t);
        }
        k.reply("答复", ResolutionDegree.C, "clerk", t, LocalDate.of(2026, 12, 1));
        k.approveReply(t);
        assertFalse(k.mayRedo(2));
        ApiException e = assertThrows(ApiException.class, () -> k.redo(2, t));
        assertEquals(409, e.status());
        assertEquals(3, k.round());
    }

    @Test
    void working_days_skip_holidays_and_count_adjusted_weekend_workdays() {
        LocalDate from = LocalDate.of(2026, 2, 10);
        java.util.Map<LocalDate, CalendarDay.Kind> ex = new java.util.HashMap<>();
        for (int d = 15; d <= 23; d++) ex.put(LocalDate.of(2026, 2, d), CalendarDay.Kind.HOLIDAY);
        ex.put(LocalDate.of(2026, 2, 14), CalendarDay.Kind.WORKDAY);
        ex.put(LocalDate.of(2026, 2, 28), CalendarDay.Kind.WORKDAY);
        WorkingCalendar cal = new WorkingCalendar(from, LocalDate.of(2026, 3, 31), ex);
        assertTrue(cal.isWorkingDay(LocalDate.of(2026, 2, 14)), "an adjusted Saturday works");
        assertFalse(cal.isWorkingDay(LocalDate.of(2026, 2, 16)), "a Spring Festival Monday rests");
        assertFalse(cal.isWorkingDay(LocalDate.of(2026, 3, 7)), "an ordinary Saturday rests");
        assertEquals(LocalDate.of(2026, 2, 14), cal.plusWorkingDays(LocalDate.of(2026, 2, 13), 1));
        assertEquals(LocalDate.of(2026, 2, 24), cal.plusWorkingDays(LocalDate.of(2026, 2, 13), 2));
        assertEquals(LocalDate.of(2026, 3, 2), cal.plusWorkingDays(LocalDate.of(2026, 2, 24), 5));
        assertEquals(5, cal.workingDaysBetween(LocalDate.of(2026, 2, 24), LocalDate.of(2026, 3, 2)));
        assertEquals(0, cal.workingDaysBetween(LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 23)));
        assertThrows(IllegalArgumentException.class, () -> cal.isWorkingDay(LocalDate.of(2026, 4, 1)), "outside the loaded span is a bug, not a guess");
    }
}
