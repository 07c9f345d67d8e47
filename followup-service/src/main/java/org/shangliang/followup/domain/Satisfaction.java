package org.shangliang.followup.domain;

/** Satisfaction — 评价等级: 满意 / 基本满意 / 不满意. */
public enum Satisfaction {
    SATISFIED, BASICALLY_SATISFIED, DISSATISFIED
}
