package org.shangliang.topics.messaging.out;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.shangliang.commons.events.DomainEvent;
import org.shangliang.topics.domain.Topic;

/**
 * TopicAccepted — 议题已立项: the topic may now be put on a session's agenda. Carries who may
 * evaluate its outcome later: the proposer's and the confirmed co-signers' subjects (never phones).
 */
public record TopicAccepted(UUID topicId, String number, String title, String description, List<String> themes,
                            String territoryCode, String level, String note, Instant acceptedAt,
                            String proposer, List<String> coSigners) implements DomainEvent {

    public static TopicAccepted of(Topic t, List<String> coSigners) {
        return new TopicAccepted(t.id(), t.number(), t.title(), t.description(), t.themes(), t.territoryCode(),
                t.level().name(), t.screeningNote(), t.screenedAt(), t.proposer(), List.copyOf(coSigners));
    }

    @Override public String eventType() { return "TopicAccepted"; }
    @Override public String aggregateType() { return "Topic"; }
    @Override public String aggregateId() { return topicId.toString(); }
}
