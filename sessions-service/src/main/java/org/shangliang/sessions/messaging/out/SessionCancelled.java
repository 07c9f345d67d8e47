package org.shangliang.sessions.messaging.out;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.shangliang.commons.events.DomainEvent;
import org.shangliang.sessions.domain.ConsultationSession;

/** SessionCancelled — 协商会已取消; its topics may be scheduled again. */
public record SessionCancelled(UUID sessionId, String reason, List<UUID> topicIds, Instant cancelledAt) implements DomainEvent {

    public static SessionCancelled of(ConsultationSession s) {
        return new SessionCancelled(s.id(), s.cancelReason(), s.topicIds(), s.updatedAt());
    }

    @Override public String eventType() { return "SessionCancelled"; }
    @Override public String aggregateType() { return "Session"; }
    @Override public String aggregateId() { return sessionId.toString(); }
}
