package org.shangliang.topics.domain;

/** ConsultationForm — 协商形式: the kind of session a planned topic is to be consulted in (as sessions-service's session types). */
public enum ConsultationForm {
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
