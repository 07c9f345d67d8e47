package org.shangliang.followup.domain;

/** CaseBox — the boxes of the role views: a unit's inbox, staff's queues, a leader's supervision list. */
public enum CaseBox {
    /** 待签收. */
    TO_SIGN,
    /** 申退待处理: staff reassign or insist. */
    RETURN_REQUESTED,
    /** 办理中 (signed, progress reported). */
    IN_PROGRESS,
    /** 临期: the deadline within the due-soon days. */
    DUE_SOON,
    /** 逾期. */
    OVERDUE,
    /** 被退回: the reply was sent back and waits for another. */
    SENT_BACK,
    /** 待审查: replies for staff to review. */
    TO_REVIEW,
    /** 待评价. */
    TO_EVALUATE,
    /** 我督办的: a leader's supervision list. */
    SUPERVISED_BY_ME,
    /** 已办结. */
    CLOSED;

    /** The box as an HQL condition over HandlingCase, with :today, :soon, :me and :running as it needs. */
    public String condition() {
        return switch (this) {
            case TO_SIGN -> "status = org.shangliang.followup.domain.CaseStatus.ASSIGNED";
            case RETURN_REQUESTED -> "status = org.shangliang.followup.domain.CaseStatus.RETURN_REQUESTED";
            case IN_PROGRESS -> "status in (org.shangliang.followup.domain.CaseStatus.SIGNED, org.shangliang.followup.domain.CaseStatus.IN_PROGRESS)";
            case DUE_SOON -> "status in :running and deadlineDate >= :today and deadlineDate <= :soon";
            case OVERDUE -> "status in :running and deadlineDate < :today";
            case SENT_BACK -> "status = org.shangliang.followup.domain.CaseStatus.IN_PROGRESS and sentBackReason is not null";
            case TO_REVIEW -> "status = org.shangliang.followup.domain.CaseStatus.REPLIED";
            case TO_EVALUATE -> "status = org.shangliang.followup.domain.CaseStatus.REPLY_APPROVED";
            case SUPERVISED_BY_ME -> "supervisedBy = :me";
            case CLOSED -> "status = org.shangliang.followup.domain.CaseStatus.CLOSED";
        };
    }
}
