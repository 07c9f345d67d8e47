package org.shangliang.sessions.messaging.out;

import java.time.Instant;
import java.util.UUID;
import org.shangliang.commons.events.DomainEvent;
import org.shangliang.sessions.domain.ConsultationSession;

/** SessionRescheduled — 协商会已改期: a new start time, with the agenda as SessionScheduled carries it. */
public record SessionRescheduled(UUID sessionId, Instant startsAt, Instant endsAt, Instant previousStartsAt, String reason, int rescheduleCount,
                                 java.util.List<SessionScheduled.AgendaItem> agenda, Instant rescheduledAt) implements DomainEvent {

    public static SessionRescheduled of(ConsultationSession s, Instant previousStartsAt) {
        return new SessionRescheduled(s.id(), s.startsAt(), s.endsAt(), previousStartsAt, s.postponedReason(), s.rescheduleCount(),
                SessionScheduled.of(s).agenda(), s.updatedAt());
    }

    @Override public String eventType() { return "SessionRescheduled"; }
    @Override public String aggregateType() { return "Session"; }
    @Override public String aggregateId() { return sessionId.toString(); }
}
