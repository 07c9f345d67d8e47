package org.shangliang.topics.domain;

import java.util.Map;
import java.util.Set;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Text;

/** CoSignStatus — 联名状态: an invitation to co-sign a topic, answered once by the person invited. */
public enum CoSignStatus {
    /** 已邀请. */
    INVITED,
    /** 已确认: listed on the topic as a co-signer. */
    CONFIRMED,
    /** 已谢绝. */
    DECLINED;

    public enum Action { CONFIRM, DECLINE }

    private static final Map<CoSignStatus, Map<Action, CoSignStatus>> MOVES = Map.of(
            INVITED, Map.of(Action.CONFIRM, CONFIRMED, Action.DECLINE, DECLINED));

    public Set<Action> allowed() {
        return MOVES.getOrDefault(this, Map.of()).keySet();
    }

    /** The status after {@code action}, or a 409 naming what is allowed. */
    public CoSignStatus next(Action action) {
        CoSignStatus next = MOVES.getOrDefault(this, Map.of()).get(action);
        if (next == null) throw ApiException.illegalTransition(Text.of("联名邀请", "co-signing invitation"), this, action, allowed());
        return next;
    }
}
