package org.shangliang.topics.messaging.out;

import java.time.Instant;
import java.util.UUID;
import org.shangliang.commons.events.DomainEvent;
import org.shangliang.topics.domain.Topic;

/** TopicRejected — 议题未立项, with the reason the proposer is told. */
public record TopicRejected(UUID topicId, String number, String reason, Instant rejectedAt) implements DomainEvent {

    public static TopicRejected of(Topic t) {
        return new TopicRejected(t.id(), t.number(), t.screeningNote(), t.screenedAt());
    }

    @Override public String eventType() { return "TopicRejected"; }
    @Override public String aggregateType() { return "Topic"; }
    @Override public String aggregateId() { return topicId.toString(); }
}
