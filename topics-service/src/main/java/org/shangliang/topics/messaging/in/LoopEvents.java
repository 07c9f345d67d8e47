package org.shangliang.topics.messaging.in;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The parts of other services' events that topics-service reads. Our own classes, not theirs:
 * each consumer keeps its own view of a contract and ignores fields it does not use.
 */
public final class LoopEvents {

    private LoopEvents() {
    }

    /** SessionScheduled — 协商会已排定 (sessions-service). */
    public record SessionScheduled(UUID sessionId, String title, Instant startsAt, List<AgendaItem> agenda) {
        public record AgendaItem(UUID agendaItemId, UUID topicId) {
        }
    }

    /** OutcomeRecorded — 协商成果已记录 (sessions-service). */
    public record OutcomeRecorded(UUID outcomeId, UUID sessionId, UUID topicId, String consensus,
                                  List<Recommendation> recommendations, Instant recordedAt) {
        public record Recommendation(UUID recommendationId, String text) {
        }
    }

    /** CaseOpened — 办理件已交办 (followup-service). */
    public record CaseOpened(UUID caseId, String number, UUID topicId, String leadUnit, LocalDate dueDate, Instant openedAt) {
    }
}
