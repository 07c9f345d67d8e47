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
    SIGNED,
    /** 已撤销: a correction of the outcome withdrew its recommendation; the case and its history stay. */
    WITHDRAWN;

    /**
     * SIGN is a person's move; REASSIGN (a correction gave the case another lead unit, which must sign
     * for it again) and WITHDRAW come from OutcomeCorrected.
     */
    public enum Action {
        SIGN, REASSIGN, WITHDRAW;

        /** Made by follow-up itself when it applies an event, never offered to a person. */
        public boolean fromEvents() {
            return this != SIGN;
        }
    }

    private static final Map<CaseStatus, Map<Action, CaseStatus>> MOVES = Map.of(
            ASSIGNED, Map.of(Action.SIGN, SIGNED, Action.REASSIGN, ASSIGNED, Action.WITHDRAW, WITHDRAWN),
            SIGNED, Map.of(Action.REASSIGN, ASSIGNED, Action.WITHDRAW, WITHDRAWN),
            WITHDRAWN, Map.of());

    public Set<Action> allowed() {
        return MOVES.get(this).keySet();
    }

    /** The status after {@code action}, or a 409 that names what is allowed from here. */
    public CaseStatus next(Action action) {
        CaseStatus next = MOVES.get(this).get(action);
        if (next == null) {
            // A person is told the moves a person can make.
            throw ApiException.illegalTransition(Text.of("办理件", "case"), this, action,
                    allowed().stream().filter(a -> !a.fromEvents()).sorted().toList());
        }
        return next;
    }
}
