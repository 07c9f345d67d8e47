package org.shangliang.sessions.api;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/**
 * The parts of topics-service's events that sessions-service reads (our own view of the
 * contract). What we need is required: an event without it is malformed and dead-lettered at once.
 */
public final class TopicEvents {

    private TopicEvents() {
    }

    /** TopicAccepted — 议题已立项. */
    public record TopicAccepted(@NotNull UUID topicId, @NotNull String number, @NotNull String title, @NotNull String territoryCode,
                                @NotNull String level, Instant acceptedAt) {
    }

    /** TopicMerged — 议题已合并 into another: the survivor is consultable, this one no longer. */
    public record TopicMerged(@NotNull UUID topicId, String number, @NotNull UUID survivorId, String survivorNumber) {
    }

    /** TopicWithdrawn — 议题已撤回 by its proposer before it was scheduled. */
    public record TopicWithdrawn(@NotNull UUID topicId, String number, String reason) {
    }
}
