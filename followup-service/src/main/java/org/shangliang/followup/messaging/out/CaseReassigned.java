package org.shangliang.followup.messaging.out;

import java.time.Instant;
import java.util.UUID;
import org.shangliang.followup.domain.HandlingCase;

/** CaseReassigned — 改派 or 坚持交办: the case has a lead unit that must sign for it (insisted: the same unit, kept by staff). */
public record CaseReassigned(UUID caseId, String number, UUID topicId, String fromUnitCode, String leadUnitCode, String leadUnit, boolean insisted, String reason, Instant reassignedAt) implements CaseEvent {

    public static CaseReassigned of(HandlingCase c, String fromUnitCode, boolean insisted, String reason) {
        return new CaseReassigned(c.id(), c.number(), c.topicId(), fromUnitCode, c.leadUnitCode(), c.leadUnit(), insisted, reason, c.updatedAt());
    }
}
