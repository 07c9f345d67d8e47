package org.shangliang.followup.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The rules of follow-up a county may set (application.properties, prefix {@code shangliang.followup}). */
@ConfigMapping(prefix = "shangliang.followup")
public interface FollowupConfig {

    /** 重办上限: how many times a case may be redone after 不满意; then staff close it with a note. */
    @WithDefault("2")
    int maxRedos();

    /** 临期: a running case turns yellow this many calendar days before its deadline (and on it). */
    @WithDefault("3")
    int dueSoonDays();

    /** While a case is overdue, a reminder (催办) goes out again every this many days. */
    @WithDefault("7")
    int remindEveryDays();

    /** At most this many cases are noticed per tick of the deadline watch (the rest on the next tick). */
    @WithDefault("500")
    int watchBatch();

    /** How often each replica's deadline watch ticks (one tick runs at a time across replicas). */
    @WithDefault("60s")
    String watchEvery();

    /** How long after start the first tick waits. */
    @WithDefault("30s")
    String watchDelay();
}
