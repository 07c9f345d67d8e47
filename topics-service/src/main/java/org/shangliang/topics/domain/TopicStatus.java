package org.shangliang.topics.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Text;

/**
 * Where a topic (议题) stands in the consultation loop. The screening moves are people's
 * decisions and are checked here; the later stages are facts reported by the other services.
 */
public enum TopicStatus {
    /** 草稿: seen and edited by its author only, until submitted. */
    DRAFT,
    /** 已提交, waiting for screening. */
    SUBMITTED,
    /** 上报 / 下转 under way: waiting for the receiving level to accept or return it. */
    ESCALATED,
    /** 已立项. */
    ACCEPTED,
    /** 未立项, with a reason. */
    REJECTED,
    /** 已排会: on a session's agenda. */
    SCHEDULED,
    /** 已协商: an outcome was recorded. */
    DELIBERATED,
    /** 成果转化中: a department case follows it up. */
    IN_FOLLOW_UP,
    /** 已办结: every case of its outcomes is closed or withdrawn, at least one closed (the end of the loop). */
    CONCLUDED,
    /** 已撤回 by its proposer, before it was scheduled. */
    WITHDRAWN,
    /** 转为意见建议: not consulted; passed on as an opinion, with a note. */
    CONVERTED,
    /** 已合并 into another topic, which carries its supporters and co-signers on. */
    MERGED;

    /** What a person may do to a topic. */
    public enum Action { EDIT, SUBMIT, ACCEPT, REJECT, CONVERT, WITHDRAW, ESCALATE, HAND_DOWN, RECEIVE, RETURN, MERGE, ATTACH }

    private static final Map<TopicStatus, Map<Action, TopicStatus>> MOVES = Map.of(
            DRAFT, Map.of(Action.EDIT, DRAFT, Action.SUBMIT, SUBMITTED, Action.WITHDRAW, WITHDRAWN, Action.ATTACH, DRAFT),
            SUBMITTED, Map.of(Action.EDIT, SUBMITTED, Action.ACCEPT, ACCEPTED, Action.REJECT, REJECTED,
                    Action.CONVERT, CONVERTED, Action.WITHDRAW, WITHDRAWN, Action.ESCALATE, ESCALATED, Action.HAND_DOWN, ESCALATED,
                    Action.MERGE, MERGED, Action.ATTACH, SUBMITTED),
            // The receiving level takes it (it waits for screening there) or returns it (it waits where it was).
            ESCALATED, Map.of(Action.RECEIVE, SUBMITTED, Action.RETURN, SUBMITTED, Action.ATTACH, ESCALATED),
            // Attachments are the topic's evidence until it is scheduled; later evidence belongs to the session or the case.
            ACCEPTED, Map.of(Action.WITHDRAW, WITHDRAWN, Action.MERGE, MERGED, Action.ATTACH, ACCEPTED));

    /** Statuses only the proposer and the territory's staff see (a DRAFT only its author). */
    public static final List<TopicStatus> PRIVATE = List.of(SUBMITTED, ESCALATED, REJECTED, WITHDRAWN, CONVERTED, MERGED);

    public Set<Action> allowed() {
        return MOVES.getOrDefault(this, Map.of()).keySet();
    }

    /** The status after {@code action}, or a 409 that names what is allowed from here. */
    public TopicStatus next(Action action) {
        TopicStatus next = MOVES.getOrDefault(this, Map.of()).get(action);
        if (next == null) {
            throw ApiException.illegalTransition(Text.of("议题", "topic"), this, action, allowed());
        }
        return next;
    }

    /**
     * Progress reported by another service moves forward only: events from different services may
     * arrive out of order, and a late one must not move the topic back.
     */
    public TopicStatus advancedTo(TopicStatus reported) {
        // The loop only runs for accepted topics; a closed one stays closed.
        if (this == DRAFT || this == SUBMITTED || this == ESCALATED || this == REJECTED || this == WITHDRAWN || this == CONVERTED || this == MERGED) return this;
        return reported.ordinal() > ordinal() ? reported : this;
    }

    /**
     * The last session the topic was on was cancelled: a scheduled topic waits for another session
     * again. A topic that has moved past scheduling keeps its status.
     */
    public TopicStatus unscheduled() {
        return this == SCHEDULED ? ACCEPTED : this;
    }

    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
