package org.shangliang.topics.messaging.out;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.shangliang.commons.events.DomainEvent;
import org.shangliang.topics.domain.Topic;
import org.shangliang.topics.domain.TopicHopRepository.TopicHop;

/** TopicEscalationAccepted — 上报/下转已接收：议题改由接收方的区域和层级审核. */
public record TopicEscalationAccepted(UUID topicId, String number, UUID hopId, String direction, String fromCode, String fromLevel,
                    String toCode, String toLevel, String reason, LocalDate dueOn, String answer, Instant acceptedAt) implements DomainEvent {

    public static TopicEscalationAccepted of(Topic t, TopicHop h, String answer, Instant at) {
        return new TopicEscalationAccepted(t.id(), t.number(), h.id(), h.direction().name(), h.fromCode(), h.fromLevel().name(),
                h.toCode(), h.toLevel().name(), h.reason(), h.dueOn(), answer, at);
    }

    @Override public String eventType() { return "TopicEscalationAccepted"; }
    @Override public String aggregateType() { return "Topic"; }
    @Override public String aggregateId() { return topicId.toString(); }
}
