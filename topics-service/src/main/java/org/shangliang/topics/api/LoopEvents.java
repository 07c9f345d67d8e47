package org.shangliang.topics.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The parts of other services' events that topics-service reads. Our own classes, not theirs:
 * each consumer keeps its own view of a contract and ignores fields it does not use. What we need
 * is required: an event without it is malformed and dead-lettered at once.
 */
public final class LoopEvents {

    private LoopEvents() {
    }

    /** SessionScheduled — 协商会已排定 (sessions-service). */
    public record SessionScheduled(@NotNull UUID sessionId, @NotNull String title, Instant startsAt,
                                   @NotNull List<@Valid @NotNull AgendaItem> agenda) {
        public record AgendaItem(UUID agendaItemId, @NotNull UUID topicId) {
        }
    }

    /** SessionCancelled — 协商会已取消 (sessions-service). */
    public record SessionCancelled(@NotNull UUID sessionId, String reason, @NotNull List<@NotNull UUID> topicIds, Instant cancelledAt) {
    }

    /** SessionPostponed — 协商会已延期 (sessions-service). */
    public record SessionPostponed(@NotNull UUID sessionId, String reason, @NotNull List<@NotNull UUID> topicIds, Instant postponedAt) {
    }

    /** SessionRescheduled — 协商会已改期 (sessions-service). */
    public record SessionRescheduled(@NotNull UUID sessionId, @NotNull Instant startsAt, @NotNull List<SessionScheduled.@Valid @NotNull AgendaItem> agenda) {
    }

    /** SessionConcluded — 协商会已结束 (sessions-service): the topics of items left without an outcome are named. */
    public record SessionConcluded(@NotNull UUID sessionId, @NotNull List<@NotNull UUID> undeliberatedTopicIds, Instant concludedAt) {
    }

    /** OutcomeRecorded — 协商成果已记录 (sessions-service). */
    /** OutcomeCorrected — 协商成果已更正: what the topic's timeline shows of it. */
    public record OutcomeCorrected(@NotNull UUID outcomeId, @NotNull @Min(2) Integer version, @NotNull UUID topicId, @NotNull String reason,
                                   @NotNull List<UUID> changed, @NotNull List<UUID> added, @NotNull List<UUID> withdrawn) {
    }

    public record OutcomeRecorded(@NotNull UUID outcomeId, @NotNull Integer version, @NotNull UUID sessionId, @NotNull UUID topicId,
                                  @NotNull String consensus, @NotNull List<@Valid @NotNull Recommendation> recommendations, Instant recordedAt) {
        public record Recommendation(@NotNull UUID recommendationId, String text) {
        }
    }

    /** CaseOpened — 办理件已交办 (followup-service). */
    public record CaseOpened(@NotNull UUID caseId, @NotNull String number, UUID topicId, @NotNull String leadUnit,
                             LocalDate dueDate, Instant openedAt) {
    }

    /** CaseSigned — 办理件已签收 (followup-service). */
    public record CaseSigned(@NotNull UUID caseId, @NotNull String number, UUID topicId, @NotNull String leadUnit, Instant signedAt) {
    }

    /** CaseReplied — 办复: the unit's reply and its resolution degree. */
    public record CaseReplied(@NotNull UUID caseId, @NotNull String number, UUID topicId, @NotNull String resolutionDegree) {
    }

    /** CaseClosed — 办结, with the deciding evaluation (null when staff closed it with a note). */
    public record CaseClosed(@NotNull UUID caseId, @NotNull String number, UUID topicId, String resolutionDegree, String satisfaction, String note) {
    }

    /** CaseWithdrawn — 撤销 by a correction of the outcome. */
    public record CaseWithdrawn(@NotNull UUID caseId, @NotNull String number, UUID topicId, String reason) {
    }
}
