package org.shangliang.followup.domain;

import java.util.Map;
import java.util.Set;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Text;

/** Where a case (办理件) stands. Its moves are listed here and nowhere else. */
public enum CaseStatus {
    /** 已交办: waiting for the lead unit to sign for it. */
    ASSIGNED,
    /** 已签收: the lead unit has taken it on. */
    SIGNED;

    public enum Action { SIGN }

    private static final Map<CaseStatus, Map<Action, CaseStatus>> MOVES = Map.of(
            ASSIGNED, Map.of(Action.SIGN, SIGNED),
            SIGNED, Map.of());

    public Set<Action> allowed() {
        return MOVES.get(this).keySet();
    }

    /** The status after {@code action}, or a 409 that names what is allowed from here. */
    public CaseStatus next(Action action) {
        CaseStatus next = MOVES.get(this).get(action);
        if (next == null) {
            throw ApiException.illegalTransition(Text.of("办理件", "case"), this, action, allowed());
        }
        return next;
    }
}
