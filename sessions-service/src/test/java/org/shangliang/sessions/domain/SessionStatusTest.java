package org.shangliang.sessions.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.shangliang.commons.problem.ApiException;

/** The session's state machine, without a database. */
class SessionStatusTest {

    @Test
    void a_scheduled_session_records_outcomes_or_is_cancelled_and_a_cancelled_one_does_nothing() {
        SessionStatus.SCHEDULED.check(SessionStatus.Action.RECORD_OUTCOME);
        SessionStatus.SCHEDULED.check(SessionStatus.Action.CANCEL);
        SessionStatus.HELD.check(SessionStatus.Action.RECORD_OUTCOME); // corrections are new versions
        ApiException refused = assertThrows(ApiException.class, () -> SessionStatus.HELD.check(SessionStatus.Action.CANCEL));
        assertEquals(409, refused.status());
        assertTrue(refused.detail().en().contains("RECORD_OUTCOME"), "names what is allowed: " + refused.detail().en());
        assertTrue(SessionStatus.CANCELLED.allowed().isEmpty());
        assertThrows(ApiException.class, () -> SessionStatus.CANCELLED.check(SessionStatus.Action.RECORD_OUTCOME));
    }
}
