package org.shangliang.followup.messaging.out;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.shangliang.followup.domain.HandlingCase;

/** CaseDueSoon — 临期 (yellow): a running case is within the due-soon days of its deadline. */
public record CaseDueSoon(UUID caseId, String number, UUID topicId, String leadUnitCode, LocalDate deadline, int daysLeft, Instant noticedAt) implements CaseEvent {

    public static CaseDueSoon of(HandlingCase c, int daysLeft, Instant at) {
        return new CaseDueSoon(c.id(), c.number(), c.topicId(), c.leadUnitCode(), c.deadline(), daysLeft, at);
    }
}
