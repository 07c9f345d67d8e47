package org.shangliang.followup.messaging.out;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.shangliang.followup.domain.HandlingCase;

/** CaseSigned — 办理件已签收 by its lead unit. */
public record CaseSigned(UUID caseId, String number, UUID topicId, String leadUnit, String leadUnitCode, Instant signedAt, LocalDate dueDate) implements CaseEvent {

    public static CaseSigned of(HandlingCase c) {
        return new CaseSigned(c.id(), c.number(), c.topicId(), c.leadUnit(), c.leadUnitCode(), c.signedAt(), c.dueDate());
    }
}
