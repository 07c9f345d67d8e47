package org.shangliang.topics.messaging.out;

import java.time.Instant;
import java.util.UUID;
import org.shangliang.commons.events.DomainEvent;
import org.shangliang.topics.domain.Topic;

/** TopicSubmitted — 议题已提交. */
public record TopicSubmitted(UUID topicId, String number, String title, String territoryCode, String level,
                             String channel, Instant submittedAt) implements DomainEvent {

    public static TopicSubmitted of(Topic t) {
        return new TopicSubmitted(t.id(), t.number(), t.title(), t.territoryCode(), t.level().name(), t.channel().name(), t.createdAt());
    }

    @Override public String eventType() { return "TopicSubmitted"; }
    @Override public String aggregateType() { return "Topic"; }
    @Override public String aggregateId() { return topicId.toString(); }
}
