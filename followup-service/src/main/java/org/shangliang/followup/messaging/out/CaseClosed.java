package org.shangliang.followup.messaging.out;

import java.time.Instant;
import java.util.UUID;
import org.shangliang.followup.domain.HandlingCase;

/** CaseClosed — 办结: the case is closed. */
public record CaseClosed(UUID caseId, String number, UUID topicId, String leadUnitCode, String resolutionDegree, String satisfaction, int redoCount, String note, Instant closedAt) implements CaseEvent {

    public static CaseClosed of(HandlingCase c) {
        return new CaseClosed(c.id(), c.number(), c.topicId(), c.leadUnitCode(), c.resolutionDegree() == null ? null : c.resolutionDegree().name(), c.satisfaction() == null ? null : c.satisfaction().name(), c.redoCount(), c.closingNote(), c.closedAt());
    }
}
