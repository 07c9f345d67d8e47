package org.shangliang.topics.messaging.out;

import java.time.Instant;
import java.util.UUID;
import org.shangliang.commons.events.DomainEvent;
import org.shangliang.topics.domain.Topic;

/** TopicMerged — 议题已合并 into another, which carries its supporters and co-signers on; it can no longer go on an agenda. */
public record TopicMerged(UUID topicId, String number, UUID survivorId, String survivorNumber, String note, Instant mergedAt) implements DomainEvent {

    public static TopicMerged of(Topic t) {
        return new TopicMerged(t.id(), t.number(), t.mergedInto(), t.mergedIntoNumber(), t.screeningNote(), t.screenedAt());
    }

    @Override public String eventType() { return "TopicMerged"; }
    @Override public String aggregateType() { return "Topic"; }
    @Override public String aggregateId() { return topicId.toString(); }
}
