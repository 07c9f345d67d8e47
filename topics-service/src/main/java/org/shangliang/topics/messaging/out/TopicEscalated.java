package org.shangliang.topics.messaging.out;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.shangliang.commons.events.DomainEvent;
import org.shangliang.topics.domain.Topic;
import org.shangliang.topics.domain.TopicHopRepository.TopicHop;

/** TopicEscalated — 上报或下转：议题已送往另一级区域，等待对方接收或退回. */
public record TopicEscalated(UUID topicId, String number, UUID hopId, String direction, String fromCode, String fromLevel,
                    String toCode, String toLevel, String reason, LocalDate dueOn, String answer, Instant sentAt) implements DomainEvent {

    public static TopicEscalated of(Topic t, TopicHop h, String answer, Instant at) {
        return new TopicEscalated(t.id(), t.number(), h.id(), h.direction().name(), h.fromCode(), h.fromLevel().name(),
                h.toCode(), h.toLevel().name(), h.reason(), h.dueOn(), answer, at);
    }

    @Override public String eventType() { return "TopicEscalated"; }
    @Override public String aggregateType() { return "Topic"; }
    @Override public String aggregateId() { return topicId.toString(); }
}
