package org.shangliang.sessions.messaging.in;

import java.time.Instant;
import java.util.UUID;

/** The parts of topics-service's events that sessions-service reads (our own view of the contract). */
public final class TopicEvents {

    private TopicEvents() {
    }

    /** TopicAccepted — 议题已立项. */
    public record TopicAccepted(UUID topicId, String number, String title, String territoryCode, String level, Instant acceptedAt) {
    }
}
