package org.shangliang.sessions.domain;

import java.util.Map;
import java.util.Set;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Text;

/**
 * Where a session (协商会) stands. Its moves are listed here and nowhere else:
 * SCHEDULED → IN_PROGRESS (opened by the organizer) → CONCLUDED (closed), or POSTPONED and then
 * rescheduled (back to SCHEDULED at a new time), or CANCELLED with a reason.
 */
public enum SessionStatus {
    /** 已排定. */
    SCHEDULED,
    /** 进行中: opened in the hall; outcomes are recorded now. */
    IN_PROGRESS,
    /** 已延期: waiting for a new time. */
    POSTPONED,
    /** 已结束: closed; a late outcome may still be recorded within the configured days, marked late. */
    CONCLUDED,
    /** 已取消. */
    CANCELLED;

    /**
     * Moves of the session and what may be done to it in each status: inviting (also a walk-in
     * during the session), answering an invitation (before it), checking in (from before the
     * opening, as people arrive, until it closes), stating a position (in the hall), correcting a
     * recorded outcome (in the hall or after: an official record is corrected whenever an error is
     * found, always as a new version).
     */
    public enum Action {
        START, POSTPONE, RESCHEDULE, CONCLUDE, CANCEL, RECORD_OUTCOME, INVITE, RSVP, CHECK_IN, STATE_POSITION, CORRECT_OUTCOME,
        /** 发言 or 部门回应, in the hall. */
        CONTRIBUTE,
        /** 书面意见, handed in before or during the session. */
        SUBMIT_IN_WRITING,
        /** 议程调整: add, remove and reorder items before the session. */
        EDIT_AGENDA
    }

    private static final Map<SessionStatus, Set<Action>> ALLOWED = Map.of(
            SCHEDULED, Set.of(Action.START, Action.POSTPONE, Action.RESCHEDULE, Action.CANCEL, Action.INVITE, Action.RSVP, Action.CHECK_IN,
                    Action.SUBMIT_IN_WRITING, Action.EDIT_AGENDA),
            IN_PROGRESS, Set.of(Action.RECORD_OUTCOME, Action.CONCLUDE, Action.INVITE, Action.CHECK_IN, Action.STATE_POSITION, Action.CORRECT_OUTCOME,
                    Action.CONTRIBUTE, Action.SUBMIT_IN_WRITING),
            POSTPONED, Set.of(Action.RESCHEDULE, Action.CANCEL, Action.INVITE, Action.RSVP, Action.EDIT_AGENDA),
            CONCLUDED, Set.of(Action.RECORD_OUTCOME, Action.CORRECT_OUTCOME),
            CANCELLED, Set.of());

    public Set<Action> allowed() {
        return ALLOWED.get(this);
    }

    /** Refuses with a 409 that names what is allowed from here. */
    public void check(Action action) {
        if (allowed().contains(action)) return;
        throw ApiException.illegalTransition(Text.of("协商会", "session"), this, action, allowed());
    }
}
