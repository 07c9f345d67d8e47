package org.shangliang.sessions.messaging.out;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.shangliang.commons.events.DomainEvent;
import org.shangliang.sessions.domain.ConsultationSession;

/** SessionStarted — 协商会已开始: opened in the hall by its organizer. */
public record SessionStarted(UUID sessionId, List<UUID> topicIds, Instant startedAt) implements DomainEvent {

    public static SessionStarted of(ConsultationSession s) {
        return new SessionStarted(s.id(), s.topicIds(), s.startedAt());
    }

    @Override public String eventType() { return "SessionStarted"; }
    @Override public String aggregateType() { return "Session"; }
    @Override public String aggregateId() { return sessionId.toString(); }
}
