package org.shangliang.sessions.domain;

/** Why a person sits at the table (参会身份). */
public enum ParticipantRole {
    /** 政协委员: invited by their directory id. */
    MEMBER,
    /** 乡贤. */
    NOTABLE,
    /** 部门负责人: speaks for a unit (部门回应), so the unit's code is required. */
    DEPARTMENT_OFFICIAL,
    /** 村民代表. */
    VILLAGER_REPRESENTATIVE,
    /** 专家. */
    EXPERT,
    /** 企业代表. */
    ENTERPRISE_REPRESENTATIVE,
    /** 领导. */
    LEADER
}
