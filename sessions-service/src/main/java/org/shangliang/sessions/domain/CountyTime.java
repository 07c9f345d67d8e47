package org.shangliang.sessions.domain;

import java.time.ZoneId;

/** The county's clock (北京时间): people read times, and years begin, in Asia/Shanghai. */
public final class CountyTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private CountyTime() {
    }
}
