package org.shangliang.sessions.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.sessions.domain.SessionStatus.Action;

/** The session's state machine, without a database: every move allowed and every other refused. */
class SessionStatusTest {

    static final Map<SessionStatus, Set<Action>> EXPECTED = Map.of(
            SessionStatus.SCHEDULED, EnumSet.of(Action.START, Action.POSTPONE, Action.RESCHEDULE, Action.CANCEL,
                    Action.INVITE, Action.RSVP, Action.CHECK_IN, // people arrive before the organizer opens
                    Action.SUBMIT_IN_WRITING, Action.EDIT_AGENDA),
            SessionStatus.IN_PROGRESS, EnumSet.of(Action.RECORD_OUTCOME, Action.CONCLUDE, Action.INVITE, Action.CHECK_IN, // a walk-in
                    Action.STATE_POSITION, Action.CORRECT_OUTCOME, Action.CONTRIBUTE, Action.SUBMIT_IN_WRITING),
            SessionStatus.POSTPONED, EnumSet.of(Action.RESCHEDULE, Action.CANCEL, Action.INVITE, Action.RSVP, Action.EDIT_AGENDA),
            SessionStatus.CONCLUDED, EnumSet.of(Action.RECORD_OUTCOME, Action.CORRECT_OUTCOME), // a late entry (补录) within the configured days; a correction
            SessionStatus.CANCELLED, EnumSet.noneOf(Action.class));

    @Test
    void every_move_is_allowed_or_refused_with_a_409_naming_the_allowed_ones() {
        for (SessionStatus status : SessionStatus.values()) {
            for (Action action : Action.values()) {
                if (EXPECTED.get(status).contains(action)) {
                    status.check(action);
                } else {
                    ApiException refused = assertThrows(ApiException.class, () -> status.check(action), status + " must refuse " + action);
                    assertEquals(409, refused.status());
                    for (Action allowed : EXPECTED.get(status)) {
                        assertTrue(refused.detail().en().contains(allowed.name()), "names " + allowed + ": " + refused.detail().en());
                    }
                }
            }
            assertEquals(EXPECTED.get(status), status.allowed().isEmpty() ? EnumSet.noneOf(Action.class) : EnumSet.copyOf(status.allowed()));
        }
    }
}
