package org.shangliang.sessions.messaging.out;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.shangliang.commons.events.DomainEvent;
import org.shangliang.sessions.domain.Outcome;

/**
 * OutcomeCorrected — 协商成果已更正: a new version of an outcome, why, and what it changed, added and
 * withdrew by stable recommendation id; {@code recommendations} is the whole list in force after it.
 * followup-service applies it to the cases it concerns. Keyed by session, after the OutcomeRecorded
 * it corrects.
 */
public record OutcomeCorrected(UUID outcomeId, int version, UUID previousOutcomeId, UUID sessionId, String sessionTitle, String territoryCode,
                               UUID agendaItemId, UUID topicId, String topicNumber, String topicTitle, String consensus, String decisionRule,
                               Double majorityThreshold, Boolean decisionMet, String reason, boolean consensusChanged,
                               List<UUID> changed, List<UUID> added, List<UUID> withdrawn,
                               List<OutcomeRecorded.Recommendation> recommendations, List<String> participantSubjects,
                               Instant correctedAt, String correctedBy) implements DomainEvent {

    public static OutcomeCorrected of(Outcome o, Outcome previous, Outcome.Changes changes, List<String> participantSubjects) {
        var item = o.agendaItem();
        var session = item.session();
        return new OutcomeCorrected(o.id(), o.version(), previous.id(), session.id(), session.title(), session.territoryCode(), item.id(),
                item.topicId(), item.topicNumber(), item.topicTitle(), o.consensus(), o.decisionRule().name(), o.majorityThreshold(),
                o.decisionMet(), o.correctionReason(), changes.consensusChanged(), changes.changed(), changes.added(), changes.withdrawn(),
                OutcomeRecorded.Recommendation.of(o), participantSubjects, o.recordedAt(), o.recordedBy());
    }

    @Override public String eventType() { return "OutcomeCorrected"; }
    @Override public String aggregateType() { return "Session"; }
    @Override public String aggregateId() { return sessionId.toString(); }
}
