package org.shangliang.topics.messaging.out;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.shangliang.commons.events.DomainEvent;
import org.shangliang.topics.domain.Topic;

/** TopicAccepted — 议题已立项: the topic may now be put on a session's agenda. */
public record TopicAccepted(UUID topicId, String number, String title, String description, List<String> themes,
                            String territoryCode, String level, String note, Instant acceptedAt) implements DomainEvent {

    public static TopicAccepted of(Topic t) {
        return new TopicAccepted(t.id(), t.number(), t.title(), t.description(), t.themes(), t.territoryCode(),
                t.level().name(), t.screeningNote(), t.screenedAt());
    }

    @Override public String eventType() { return "TopicAccepted"; }
    @Override public String aggregateType() { return "Topic"; }
    @Override public String aggregateId() { return topicId.toString(); }
}
