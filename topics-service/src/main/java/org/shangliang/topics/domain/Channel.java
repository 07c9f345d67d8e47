package org.shangliang.topics.domain;

/** How a topic came in (征集渠道). */
public enum Channel {
    /** 村民/居民. */
    RESIDENT,
    /** 委员社情民意. */
    MEMBER_REPORT,
    /** 网格员代办. */
    GRID_PROXY,
    /** 镇街政协联络室. */
    LIAISON_OFFICE,
    /** 部门. */
    DEPARTMENT,
    /** 党委. */
    PARTY_COMMITTEE,
    /** 12345 热线. */
    HOTLINE_12345,
    /** 镇街系统对接. */
    INTEGRATION
}
