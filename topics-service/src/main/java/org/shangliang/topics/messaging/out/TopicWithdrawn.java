package org.shangliang.topics.messaging.out;

import java.time.Instant;
import java.util.UUID;
import org.shangliang.commons.events.DomainEvent;
import org.shangliang.topics.domain.Topic;

/** TopicWithdrawn — 议题已撤回 by its proposer before it was scheduled: it can no longer go on an agenda. */
public record TopicWithdrawn(UUID topicId, String number, String reason, Instant withdrawnAt) implements DomainEvent {

    public static TopicWithdrawn of(Topic t) {
        return new TopicWithdrawn(t.id(), t.number(), t.screeningNote(), t.screenedAt());
    }

    @Override public String eventType() { return "TopicWithdrawn"; }
    @Override public String aggregateType() { return "Topic"; }
    @Override public String aggregateId() { return topicId.toString(); }
}
