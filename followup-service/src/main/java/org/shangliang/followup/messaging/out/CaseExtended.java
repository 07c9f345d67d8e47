package org.shangliang.followup.messaging.out;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.shangliang.followup.domain.HandlingCase;

/** CaseExtended — 延期: staff approved a unit's request for a later due date. */
public record CaseExtended(UUID caseId, String number, UUID topicId, String leadUnitCode, LocalDate previousDueDate, LocalDate dueDate, String reason, Instant extendedAt) implements CaseEvent {

    public static CaseExtended of(HandlingCase c, LocalDate previousDueDate, String reason) {
        return new CaseExtended(c.id(), c.number(), c.topicId(), c.leadUnitCode(), previousDueDate, c.dueDate(), reason, c.updatedAt());
    }
}
