package org.shangliang.followup.domain;

/** DeadlineState — 时限状态: how a running case stands against its deadline (green, yellow, red). */
public enum DeadlineState {
    /** No deadline, or its clock has stopped (replied, closed, withdrawn). */
    NONE,
    /** 正常: more than the due-soon days left. */
    ON_TRACK,
    /** 临期 (yellow): within `shangliang.followup.due-soon-days` of the deadline, or on it. */
    DUE_SOON,
    /** 逾期 (red): past the deadline without a reply. */
    OVERDUE
}
