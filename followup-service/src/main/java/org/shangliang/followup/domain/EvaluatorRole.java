package org.shangliang.followup.domain;

/** EvaluatorRole — who evaluates a case's result: 提案人, 联名人, 参会人员. */
public enum EvaluatorRole {
    /** 提案人: the topic's proposer; their evaluation decides (close, or redo after 不满意). */
    PROPOSER,
    /** 联名人: a confirmed co-signer of the topic. */
    CO_SIGNER,
    /** 参会人员: present at the session that recorded the outcome. */
    PARTICIPANT
}
