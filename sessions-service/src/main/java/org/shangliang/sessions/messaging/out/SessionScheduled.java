package org.shangliang.sessions.messaging.out;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.shangliang.commons.events.DomainEvent;
import org.shangliang.sessions.domain.ConsultationSession;

/** SessionScheduled — 协商会已排定, with the topics on its agenda. */
public record SessionScheduled(UUID sessionId, String title, String type, String mode, String territoryCode,
                               Instant startsAt, Instant endsAt, String venue, UUID previousRoundId, String visibility, List<AgendaItem> agenda) implements DomainEvent {

    public record AgendaItem(UUID agendaItemId, int position, UUID topicId, String topicNumber) {
    }

    public static SessionScheduled of(ConsultationSession s) {
        return new SessionScheduled(s.id(), s.title(), s.type().name(), s.mode().name(), s.territoryCode(), s.startsAt(), s.endsAt(),
                s.venue(), s.previousRoundId(), s.visibility().name(),
                s.agenda().stream().filter(org.shangliang.sessions.domain.AgendaItem::isTopic) // topics only: a free item concerns no topic
                        .map(i -> new AgendaItem(i.id(), i.position(), i.topicId(), i.topicNumber())).toList());
    }

    @Override public String eventType() { return "SessionScheduled"; }
    @Override public String aggregateType() { return "Session"; }
    @Override public String aggregateId() { return sessionId.toString(); }
}
