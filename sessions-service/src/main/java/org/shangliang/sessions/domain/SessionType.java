package org.shangliang.sessions.domain;

/** Kinds of consultation session. */
public enum SessionType {
    /** 专题协商会. */
    SPECIAL_TOPIC,
    /** 请你来协商. */
    PLEASE_COME_CONSULT,
    /** 民生议事堂. */
    VILLAGE_HALL,
    /** 三地政协联动协商. */
    CROSS_REGION,
    /** 座谈会. */
    FORUM
}
