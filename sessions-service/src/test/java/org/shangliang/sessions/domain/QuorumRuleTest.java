package org.shangliang.sessions.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.shangliang.commons.problem.ApiException;

/** 法定人数 without a database: the larger of the minimum and the share of those expected. */
class QuorumRuleTest {

    final QuorumRule villageHall = new QuorumRule(5, 0.5);

    @Test
    void the_minimum_counts_when_few_are_invited() {
        assertEquals(5, villageHall.needed(new Attendance(6, 0, 0)));
        assertFalse(villageHall.met(new Attendance(6, 0, 4)));
        assertTrue(villageHall.met(new Attendance(6, 0, 5)));
    }

    @Test
    void the_share_counts_when_many_are_invited_and_those_who_declined_are_not_expected() {
        assertEquals(10, villageHall.needed(new Attendance(20, 0, 0)));
        assertEquals(8, villageHall.needed(new Attendance(20, 5, 0)), "15 expected, half rounded up");
        assertEquals(8, new QuorumRule(1, 2.0 / 3).needed(new Attendance(12, 0, 0)), "two thirds of 12 is exactly 8");
    }

    @Test
    void a_refusal_is_a_409_naming_present_and_needed() {
        ApiException refused = assertThrows(ApiException.class, () -> villageHall.check(new Attendance(12, 2, 3)));
        assertEquals(409, refused.status());
        assertEquals("quorum-not-met", refused.type());
        assertTrue(refused.detail().en().startsWith("3 present, 5 needed"), refused.detail().en());
        assertTrue(refused.detail().zh().contains("已签到 3 人，需要 5 人"), refused.detail().zh());
    }
}
