package org.shangliang.sessions.messaging.out;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.shangliang.commons.events.DomainEvent;
import org.shangliang.sessions.domain.AgendaItem;
import org.shangliang.sessions.domain.ConsultationSession;

/** SessionConcluded — 协商会已结束; the topics of items left without an outcome are named. */
public record SessionConcluded(UUID sessionId, List<UUID> topicIds, List<UUID> undeliberatedTopicIds, Instant concludedAt) implements DomainEvent {

    public static SessionConcluded of(ConsultationSession s) {
        return new SessionConcluded(s.id(), s.topicIds(),
                s.undeliberated().stream().map(AgendaItem::topicId).toList(), s.concludedAt());
    }

    @Override public String eventType() { return "SessionConcluded"; }
    @Override public String aggregateType() { return "Session"; }
    @Override public String aggregateId() { return sessionId.toString(); }
}
