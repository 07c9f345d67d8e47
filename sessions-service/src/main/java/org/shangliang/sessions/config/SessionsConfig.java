package org.shangliang.sessions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import org.shangliang.sessions.domain.QuorumRule;
import org.shangliang.sessions.domain.SessionType;

/** What a county office may set for its sessions ({@code shangliang.sessions.*}). */
@ConfigMapping(prefix = "shangliang.sessions")
public interface SessionsConfig {

    /** How long after a session concluded an outcome may still be recorded (补录), marked late. */
    @WithDefault("7")
    int lateOutcomeDays();

    /** A session scheduled without an end time lasts this long. */
    @WithDefault("PT2H")
    Duration defaultLength();

    /** 法定人数 per session type, keyed by the type's name ({@code quorum.VILLAGE_HALL.min-present}). */
    Map<String, Quorum> quorum();

    interface Quorum {
        /** At least this many checked in. */
        int minPresent();

        /** And at least this share of those invited who did not decline. */
        double share();
    }

    default QuorumRule quorumOf(SessionType type) {
        Quorum q = quorum().get(type.name());
        // A type without a configured rule needs half of those expected and at least three.
        return q == null ? new QuorumRule(3, 0.5) : new QuorumRule(q.minPresent(), q.share());
    }
}
