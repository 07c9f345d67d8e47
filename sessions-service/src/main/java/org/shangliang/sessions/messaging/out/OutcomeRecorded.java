package org.shangliang.sessions.messaging.out;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.shangliang.commons.events.DomainEvent;
import org.shangliang.sessions.domain.Outcome;

/**
 * OutcomeRecorded — 协商成果已记录: the agreed opinion on one agenda item and its
 * recommendations, each of which followup-service turns into a case (办理件). Carries the logins
 * of those present, who may evaluate the result. Keyed by session, so a session's events stay in order.
 */
public record OutcomeRecorded(UUID outcomeId, int version, UUID sessionId, String sessionTitle, String territoryCode, UUID agendaItemId,
                              UUID topicId, String topicNumber, String topicTitle, String consensus, String decisionRule,
                              Double majorityThreshold, Boolean decisionMet,
                              List<Recommendation> recommendations, List<String> participantSubjects, Instant recordedAt, String recordedBy)
        implements DomainEvent {

    /**
     * {@code recommendationId}: stable across the outcome's versions; {@code unitCode}: the unit in
     * the directory; {@code suggestedUnit}: its name when the outcome was recorded.
     */
    public record Recommendation(UUID recommendationId, int position, String text, String unitCode, String suggestedUnit,
                                 List<String> coHandlerCodes, String handlingMode, LocalDate dueDate, Integer workingDays) {

        static List<Recommendation> of(Outcome o) {
            return o.recommendations().stream().map(r -> new Recommendation(r.recommendationId(), r.position(), r.text(), r.unitCode(),
                    r.suggestedUnit(), r.coHandlerCodes(), r.handlingMode() == null ? null : r.handlingMode().name(), r.dueDate(), r.workingDays())).toList();
        }
    }

    public static OutcomeRecorded of(Outcome o, List<String> participantSubjects) {
        var item = o.agendaItem();
        var session = item.session();
        return new OutcomeRecorded(o.id(), o.version(), session.id(), session.title(), session.territoryCode(), item.id(), item.topicId(),
                item.topicNumber(), item.topicTitle(), o.consensus(), o.decisionRule().name(), o.majorityThreshold(), o.decisionMet(),
                Recommendation.of(o), participantSubjects, o.recordedAt(), o.recordedBy());
    }

    @Override public String eventType() { return "OutcomeRecorded"; }
    @Override public String aggregateType() { return "Session"; }
    @Override public String aggregateId() { return sessionId.toString(); }
}
