package org.shangliang.topics.domain;

import java.util.Map;
import java.util.Set;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Text;

/**
 * PlanStatus — 年度协商计划的状态. The CPPCC office drafts the plan, a leader approves it, the office
 * publishes it; from then on it changes only by an amendment (修订) with a reason, each recorded.
 */
public enum PlanStatus {
    /** 草拟中: the office adds, orders and places topics. */
    DRAFT,
    /** 已审定 by a leader: waits for publication; changing it needs reopening (the approval lapses). */
    APPROVED,
    /** 已发布: public; changes only by a recorded amendment. */
    PUBLISHED;

    /** What may be done to a plan. */
    public enum Action { EDIT, APPROVE, REOPEN, PUBLISH, AMEND }

    private static final Map<PlanStatus, Map<Action, PlanStatus>> MOVES = Map.of(
            DRAFT, Map.of(Action.EDIT, DRAFT, Action.APPROVE, APPROVED),
            APPROVED, Map.of(Action.REOPEN, DRAFT, Action.PUBLISH, PUBLISHED),
            PUBLISHED, Map.of(Action.AMEND, PUBLISHED));

    public Set<Action> allowed() {
        return MOVES.get(this).keySet();
    }

    /** The status after {@code action}, or a 409 that names what is allowed from here. */
    public PlanStatus next(Action action) {
        PlanStatus next = MOVES.get(this).get(action);
        if (next == null) throw ApiException.illegalTransition(Text.of("协商计划", "plan"), this, action, allowed());
        return next;
    }
}
