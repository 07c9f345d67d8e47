package org.shangliang.followup.messaging.out;

import java.time.Instant;
import java.util.UUID;
import org.shangliang.followup.domain.HandlingCase;

/** CaseReturnRequested — 申退: the lead unit asked to hand the case back. */
public record CaseReturnRequested(UUID caseId, String number, UUID topicId, String leadUnitCode, String reason, Instant requestedAt) implements CaseEvent {

    public static CaseReturnRequested of(HandlingCase c) {
        return new CaseReturnRequested(c.id(), c.number(), c.topicId(), c.leadUnitCode(), c.returnReason(), c.updatedAt());
    }
}
