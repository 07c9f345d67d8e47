package org.shangliang.followup.domain;

import java.util.Map;
import java.util.Set;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Text;

/**
 * Where a case (办理件) stands. Its moves are listed here and nowhere else:
 * 交办 → 签收 (or 申退 → 改派 / 坚持交办) → 办理中 → 办复 → 答复审查 (通过, or 退回) → 评价 → 办结, or 重办.
 */
public enum CaseStatus {
    /** 已交办: waiting for the lead unit to sign for it. */
    ASSIGNED,
    /** 申退中: the lead unit asked to hand it back; staff reassign it or insist. */
    RETURN_REQUESTED,
    /** 已签收: the lead unit has taken it on; its working-day deadline runs from here. */
    SIGNED,
    /** 办理中: progress has been reported, or the reply was sent back, or a redo was ordered. */
    IN_PROGRESS,
    /** 已办复: the lead unit replied; staff review the reply (答复审查). */
    REPLIED,
    /** 待评价: the reply passed review; the proposer, co-signers and participants evaluate it. */
    REPLY_APPROVED,
    /** 已办结: closed after evaluation (or by staff with a note). */
    CLOSED,
    /** 已撤销: a correction of the outcome withdrew its recommendation; the case and its history stay. */
    WITHDRAWN;

    /**
     * People's moves, each named by intent. WITHDRAW comes only from OutcomeCorrected; REASSIGN also
     * comes from a correction that names another lead unit.
     */
    public enum Action {
        SIGN, REQUEST_RETURN, REASSIGN, INSIST, REPORT_PROGRESS, REPLY, APPROVE_REPLY, SEND_BACK, EVALUATE, REDO, CLOSE, WITHDRAW;

        /** Made by follow-up itself when it applies an event, never offered to a person. */
        public boolean fromEvents() {
            return this == WITHDRAW;
        }
    }

    private static final Map<CaseStatus, Map<Action, CaseStatus>> MOVES = Map.of(
            ASSIGNED, Map.of(Action.SIGN, SIGNED, Action.REQUEST_RETURN, RETURN_REQUESTED, Action.REASSIGN, ASSIGNED, Action.WITHDRAW, WITHDRAWN),
            RETURN_REQUESTED, Map.of(Action.REASSIGN, ASSIGNED, Action.INSIST, ASSIGNED, Action.WITHDRAW, WITHDRAWN),
            SIGNED, Map.of(Action.REPORT_PROGRESS, IN_PROGRESS, Action.REPLY, REPLIED, Action.REASSIGN, ASSIGNED, Action.WITHDRAW, WITHDRAWN),
            IN_PROGRESS, Map.of(Action.REPORT_PROGRESS, IN_PROGRESS, Action.REPLY, REPLIED, Action.REASSIGN, ASSIGNED, Action.WITHDRAW, WITHDRAWN),
            REPLIED, Map.of(Action.APPROVE_REPLY, REPLY_APPROVED, Action.SEND_BACK, IN_PROGRESS, Action.REASSIGN, ASSIGNED, Action.WITHDRAW, WITHDRAWN),
            REPLY_APPROVED, Map.of(Action.EVALUATE, REPLY_APPROVED, Action.REDO, IN_PROGRESS, Action.CLOSE, CLOSED, Action.REASSIGN, ASSIGNED, Action.WITHDRAW, WITHDRAWN),
            CLOSED, Map.of(),
            WITHDRAWN, Map.of());

    public Set<Action> allowed() {
        return MOVES.get(this).keySet();
    }

    /** Whether the case still awaits anything (a deadline, a reminder, a correction applies to it). */
    public boolean isOpen() {
        return this != CLOSED && this != WITHDRAWN;
    }

    /** Whether its lead unit is at work on it. */
    public boolean isBeingHandled() {
        return this == SIGNED || this == IN_PROGRESS;
    }

    /** Whether the deadline runs: from assignment until the reply (a return request does not stop it). */
    public boolean deadlineRuns() {
        return this == ASSIGNED || this == RETURN_REQUESTED || this == SIGNED || this == IN_PROGRESS;
    }

    /** The statuses in which the deadline runs, for queries. */
    public static final java.util.List<CaseStatus> RUNNING = java.util.List.of(ASSIGNED, RETURN_REQUESTED, SIGNED, IN_PROGRESS);

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
