package org.shangliang.topics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.security.Caller;
import org.shangliang.commons.security.Roles;

/** The topic's state machine and who may see and screen it, without a database. */
class TopicRulesTest {

    private static final String HUITONG = "330421003201";

    private static Topic topic() {
        return Topic.create("YT-2026-0001", "惠通村土地确权", "有异议", List.of("农业"), HUITONG, Level.VILLAGE, Channel.RESIDENT,
                "wang@huitong", "王建国", null, null, false);
    }

    private static Caller as(String role, String territory, String subject) {
        return new Caller(subject, subject, Set.of(role), territory, null, null);
    }

    @Test
    void screening_moves_only_from_submitted_and_a_refusal_names_what_is_allowed() {
        assertEquals(TopicStatus.ACCEPTED, TopicStatus.SUBMITTED.next(TopicStatus.Action.ACCEPT));
        assertEquals(TopicStatus.REJECTED, TopicStatus.SUBMITTED.next(TopicStatus.Action.REJECT));
        assertEquals(TopicStatus.CONVERTED, TopicStatus.SUBMITTED.next(TopicStatus.Action.CONVERT));
        ApiException refused = assertThrows(ApiException.class, () -> TopicStatus.ACCEPTED.next(TopicStatus.Action.REJECT));
        assertEquals(409, refused.status());
        assertTrue(refused.detail().en().contains("Allowed from ACCEPTED: ATTACH, MERGE, WITHDRAW"), refused.detail().en());
        for (TopicStatus s : TopicStatus.values()) {
            if (s != TopicStatus.SUBMITTED) {
                assertFalse(s.allowed().contains(TopicStatus.Action.ACCEPT) || s.allowed().contains(TopicStatus.Action.REJECT), s + " allows no screening decision");
            }
        }
    }

    @Test
    void a_draft_is_edited_submitted_or_withdrawn_and_withdrawal_ends_before_scheduling() {
        assertEquals(Set.of(TopicStatus.Action.EDIT, TopicStatus.Action.SUBMIT, TopicStatus.Action.WITHDRAW, TopicStatus.Action.ATTACH), TopicStatus.DRAFT.allowed());
        assertEquals(TopicStatus.WITHDRAWN, TopicStatus.ACCEPTED.next(TopicStatus.Action.WITHDRAW));
        for (TopicStatus s : List.of(TopicStatus.SCHEDULED, TopicStatus.DELIBERATED, TopicStatus.IN_FOLLOW_UP, TopicStatus.REJECTED,
                TopicStatus.WITHDRAWN, TopicStatus.CONVERTED)) {
            assertThrows(ApiException.class, () -> s.next(TopicStatus.Action.WITHDRAW), s + " cannot be withdrawn");
        }
        assertEquals(TopicStatus.WITHDRAWN, TopicStatus.WITHDRAWN.advancedTo(TopicStatus.IN_FOLLOW_UP), "a late event does not revive a withdrawn topic");
        assertEquals(TopicStatus.CONVERTED, TopicStatus.CONVERTED.advancedTo(TopicStatus.SCHEDULED));
        assertEquals(TopicStatus.DRAFT, TopicStatus.DRAFT.advancedTo(TopicStatus.SCHEDULED));
    }

    @Test
    void reported_progress_only_moves_forward_and_never_for_unaccepted_topics() {
        assertEquals(TopicStatus.SCHEDULED, TopicStatus.ACCEPTED.advancedTo(TopicStatus.SCHEDULED));
        assertEquals(TopicStatus.IN_FOLLOW_UP, TopicStatus.IN_FOLLOW_UP.advancedTo(TopicStatus.SCHEDULED));
        assertEquals(TopicStatus.SUBMITTED, TopicStatus.SUBMITTED.advancedTo(TopicStatus.DELIBERATED));
        assertEquals(TopicStatus.REJECTED, TopicStatus.REJECTED.advancedTo(TopicStatus.IN_FOLLOW_UP));
        assertEquals(TopicStatus.ACCEPTED, TopicStatus.SCHEDULED.unscheduled());
        assertEquals(TopicStatus.DELIBERATED, TopicStatus.DELIBERATED.unscheduled(), "a deliberated topic keeps its status");
    }

    @Test
    void a_topic_under_screening_is_seen_by_its_proposer_the_territory_staff_and_the_residents_under_it() {
        Topic t = topic();
        assertTrue(TopicAccess.canSee(t, as(Roles.RESIDENT, HUITONG, "wang@huitong")));
        assertTrue(TopicAccess.canSee(t, as(Roles.RESIDENT, HUITONG, "li@huitong")), "a villager of Huitong, to support it");
        assertTrue(TopicAccess.canSee(t, as(Roles.RESIDENT, HUITONG + "002", "grid-li")), "a villager of one of Huitong's grids");
        assertFalse(TopicAccess.canSee(t, as(Roles.RESIDENT, "330421003202", "shuguang")), "not a villager of another village");
        assertFalse(TopicAccess.canSee(t, as(Roles.RESIDENT, "330421003", "street")), "not a resident registered above the village");
        assertTrue(TopicAccess.canSee(t, as(Roles.ORGANIZER, "330421003", "huimin")));
        assertFalse(TopicAccess.canSee(t, as(Roles.ORGANIZER, "330421001", "weitang")));
        assertTrue(TopicAccess.canScreen(t, as(Roles.CPPCC_STAFF, "330421", "county")));
        assertFalse(TopicAccess.canScreen(t, as(Roles.LEADER, "330421", "leader")), "leaders read, they do not screen");
        assertFalse(TopicAccess.canSeeProposer(t, as(Roles.RESIDENT, HUITONG, "li@huitong")));
        t.accept("列入议事堂");
        assertTrue(TopicAccess.canSee(t, as(Roles.RESIDENT, "330421001001", "zhao")), "an accepted topic is public");
        assertFalse(TopicAccess.canSee(t, as(Roles.INTEGRATION, "330421001", "weitang-system")), "a township system reads only its township");
    }

    @Test
    void one_submits_only_inside_ones_territory() {
        assertTrue(TopicAccess.canSubmitIn(HUITONG, as(Roles.GRID_WORKER, "330421003", "grid")));
        assertFalse(TopicAccess.canSubmitIn("330421001001", as(Roles.GRID_WORKER, "330421003", "grid")));
        assertFalse(TopicAccess.canSubmitIn(HUITONG, new Caller("x", "x", Set.of(Roles.RESIDENT), null, null, null)));
    }
}
