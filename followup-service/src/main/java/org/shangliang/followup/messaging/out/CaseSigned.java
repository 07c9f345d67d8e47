package org.shangliang.followup.messaging.out;

import java.time.Instant;
import java.util.UUID;
import org.shangliang.commons.events.DomainEvent;
import org.shangliang.followup.domain.HandlingCase;

/** CaseSigned — 办理件已签收 by its lead unit. */
public record CaseSigned(UUID caseId, String number, UUID topicId, String leadUnit, String leadUnitCode, Instant signedAt) implements DomainEvent {

    public static CaseSigned of(HandlingCase c) {
        return new CaseSigned(c.id(), c.number(), c.topicId(), c.leadUnit(), c.leadUnitCode(), c.signedAt());
    }

    @Override public String eventType() { return "CaseSigned"; }
    @Override public String aggregateType() { return "Case"; }
    @Override public String aggregateId() { return caseId.toString(); }
}
