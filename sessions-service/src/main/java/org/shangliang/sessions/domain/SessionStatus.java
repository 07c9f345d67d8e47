package org.shangliang.sessions.domain;

import java.util.Map;
import java.util.Set;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Text;

/** Where a session (协商会) stands. Its moves are listed here and nowhere else. */
public enum SessionStatus {
    /** 已排定. */
    SCHEDULED,
    /** 已举行: every agenda item has an outcome. Corrections may still be recorded as new versions. */
    HELD,
    /** 已取消. */
    CANCELLED;

    public enum Action { RECORD_OUTCOME, CANCEL }

    private static final Map<SessionStatus, Set<Action>> ALLOWED = Map.of(
            SCHEDULED, Set.of(Action.RECORD_OUTCOME, Action.CANCEL),
            HELD, Set.of(Action.RECORD_OUTCOME),
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
