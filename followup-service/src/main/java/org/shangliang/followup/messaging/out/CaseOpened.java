package org.shangliang.followup.messaging.out;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.shangliang.followup.domain.HandlingCase;

/** CaseOpened — 办理件已交办: a recommendation became a case for a lead unit. */
public record CaseOpened(UUID caseId, String number, UUID recommendationId, UUID outcomeId, UUID sessionId, UUID topicId,
                         String leadUnit, String leadUnitCode, LocalDate dueDate, Instant openedAt,
                         String handlingMode, List<String> coHandlerCodes, Integer workingDays, String source) implements CaseEvent {

    public static CaseOpened of(HandlingCase c, List<String> coHandlerCodes) {
        return new CaseOpened(c.id(), c.number(), c.recommendationId(), c.outcomeId(), c.sessionId(), c.topicId(),
                c.leadUnit(), c.leadUnitCode(), c.dueDate(), c.createdAt(), c.handlingMode().name(), coHandlerCodes, c.workingDays(), c.sourceNote());
    }
}
