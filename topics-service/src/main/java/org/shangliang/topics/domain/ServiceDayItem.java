package org.shangliang.topics.domain;

/**
 * ServiceDayItem — 五个一: the five things a member does each month on the grid service day (每月
 * 25 日委员联网格服务日) in the grid they are linked to.
 */
public enum ServiceDayItem {
    /** 开展一次服务活动. */
    SERVICE_ACTIVITY,
    /** 收集一条社情民意. */
    OPINION_REPORT,
    /** 参加一次议事或座谈. */
    FORUM,
    /** 结对帮扶一户困难家庭. */
    FAMILY_HELP,
    /** 发放一批联系卡. */
    CONTACT_CARDS
}
