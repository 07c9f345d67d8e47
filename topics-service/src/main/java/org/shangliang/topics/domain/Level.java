package org.shangliang.topics.domain;

/** The level a topic is consulted at (协商层级). */
public enum Level {
    /** 村/社区 民生议事堂. */
    VILLAGE,
    /** 镇/街道. */
    TOWNSHIP,
    /** 县政协. */
    COUNTY,
    /** 三地政协联动 with neighbouring counties. */
    CROSS_REGION
}
