package org.shangliang.topics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.shangliang.topics.domain.Level;

/** topics-service's own settings ({@code shangliang.topics.*}). */
@ConfigMapping(prefix = "shangliang.topics")
public interface TopicsConfig {

    SupportThreshold supportThreshold();

    /** Working days the receiving level has to take or return a topic sent up or down (上报 / 下转). */
    @WithDefault("5")
    int escalationAnswerWorkingDays();

    Attachments attachments();

    Duplicates duplicates();

    /** 查重: similar topics shown at submission and to the dry-run call. */
    interface Duplicates {
        /** How far back to look, in days. */
        @WithDefault("365")
        int windowDays();

        /** The least Dice score of two titles' character bigrams that counts as similar. */
        @WithDefault("0.3")
        double minScore();

        /** At most this many, best first. */
        @WithDefault("5")
        int max();
    }

    /** 议题附件. */
    interface Attachments {
        /** Largest file, in bytes (10 MiB: a phone's photo, a scanned letter). */
        @WithDefault("10485760")
        long maxBytes();

        /** Attachments one topic may have. */
        @WithDefault("20")
        int maxPerTopic();
    }

    /** Supports (附议) that flag a topic for screening first, per level (0: never flagged). */
    interface SupportThreshold {
        @WithDefault("10")
        int village();

        @WithDefault("30")
        int township();

        @WithDefault("50")
        int county();

        @WithDefault("50")
        int crossRegion();
    }

    default int supportThreshold(Level level) {
        return switch (level) {
            case VILLAGE -> supportThreshold().village();
            case TOWNSHIP -> supportThreshold().township();
            case COUNTY -> supportThreshold().county();
            case CROSS_REGION -> supportThreshold().crossRegion();
        };
    }
}
