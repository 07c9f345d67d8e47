package org.shangliang.sessions.domain;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
        String allowed = allowed().isEmpty() ? "none" : allowed().stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
        throw ApiException.illegalTransition(Text.of(
                "协商会状态为 " + this + "，不能执行 " + action + "。此状态允许：" + allowed,
                "The session is " + this + "; " + action + " is not allowed. Allowed from " + this + ": " + allowed));
    }
}
