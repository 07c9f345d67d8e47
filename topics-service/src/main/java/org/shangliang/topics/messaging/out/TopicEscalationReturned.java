package org.shangliang.topics.messaging.out;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.shangliang.commons.events.DomainEvent;
import org.shangliang.topics.domain.Topic;
import org.shangliang.topics.domain.TopicHopRepository.TopicHop;

/** TopicEscalationReturned — 上报/下转已退回：议题回到原区域，附退回理由. */
public record TopicEscalationReturned(UUID topicId, String number, UUID hopId, String direction, String fromCode, String fromLevel,
                    String toCode, String toLevel, String reason, LocalDate dueOn, String answer, Instant returnedAt) implements DomainEvent {

    public static TopicEscalationReturned of(Topic t, TopicHop h, String answer, Instant at) {
        return new TopicEscalationReturned(t.id(), t.number(), h.id(), h.direction().name(), h.fromCode(), h.fromLevel().name(),
                h.toCode(), h.toLevel().name(), h.reason(), h.dueOn(), answer, at);
    }

    @Override public String eventType() { return "TopicEscalationReturned"; }
    @Override public String aggregateType() { return "Topic"; }
    @Override public String aggregateId() { return topicId.toString(); }
}
