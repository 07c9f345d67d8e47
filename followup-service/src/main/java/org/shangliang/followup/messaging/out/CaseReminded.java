package org.shangliang.followup.messaging.out;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.shangliang.followup.domain.HandlingCase;

/** CaseReminded — 催办: a reminder to the lead unit, automatic (due soon, overdue, overdue again) or by staff. */
public record CaseReminded(UUID caseId, String number, UUID topicId, String leadUnitCode, String kind, String note, int reminderCount, LocalDate deadline, Instant remindedAt) implements CaseEvent {

    public static CaseReminded of(HandlingCase c, String kind, String note) {
        return new CaseReminded(c.id(), c.number(), c.topicId(), c.leadUnitCode(), kind, note, c.reminderCount(), c.deadline(), c.lastRemindedAt());
    }
}
