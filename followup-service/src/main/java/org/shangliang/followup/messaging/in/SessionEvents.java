package org.shangliang.followup.messaging.in;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The parts of sessions-service's events that followup-service reads (our own view of the contract). */
public final class SessionEvents {

    private SessionEvents() {
    }

    /** OutcomeRecorded — 协商成果已记录. */
    public record OutcomeRecorded(UUID outcomeId, int version, UUID sessionId, String territoryCode, UUID topicId, String topicNumber, String topicTitle,
                                  List<Recommendation> recommendations) {
        public record Recommendation(UUID recommendationId, String text, String suggestedUnit, LocalDate dueDate) {
        }
    }
}
