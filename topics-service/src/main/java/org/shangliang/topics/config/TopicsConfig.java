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
