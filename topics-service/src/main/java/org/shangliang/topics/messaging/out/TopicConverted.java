package org.shangliang.topics.messaging.out;

import java.time.Instant;
import java.util.UUID;
import org.shangliang.commons.events.DomainEvent;
import org.shangliang.topics.domain.Topic;

/** TopicConverted — 转为意见建议: not consulted, passed on as an opinion with the screener's note. */
public record TopicConverted(UUID topicId, String number, String note, Instant convertedAt) implements DomainEvent {

    public static TopicConverted of(Topic t) {
        return new TopicConverted(t.id(), t.number(), t.screeningNote(), t.screenedAt());
    }

    @Override public String eventType() { return "TopicConverted"; }
    @Override public String aggregateType() { return "Topic"; }
    @Override public String aggregateId() { return topicId.toString(); }
}
