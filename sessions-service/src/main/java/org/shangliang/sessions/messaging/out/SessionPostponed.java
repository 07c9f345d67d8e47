package org.shangliang.sessions.messaging.out;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.shangliang.commons.events.DomainEvent;
import org.shangliang.sessions.domain.ConsultationSession;

/** SessionPostponed — 协商会已延期, without a new time yet (SessionRescheduled gives it). */
public record SessionPostponed(UUID sessionId, String reason, List<UUID> topicIds, Instant postponedAt) implements DomainEvent {

    public static SessionPostponed of(ConsultationSession s) {
        return new SessionPostponed(s.id(), s.postponedReason(), s.topicIds(), s.updatedAt());
    }

    @Override public String eventType() { return "SessionPostponed"; }
    @Override public String aggregateType() { return "Session"; }
    @Override public String aggregateId() { return sessionId.toString(); }
}
