package org.shangliang.followup.messaging.out;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.shangliang.followup.domain.HandlingCase;

/** CaseSupervised — 督办: a leader supervises the case, with a note and perhaps a tighter deadline. */
public record CaseSupervised(UUID caseId, String number, UUID topicId, String leadUnitCode, String supervisorName, String note, LocalDate supervisionDueDate, LocalDate deadline, Instant supervisedAt) implements CaseEvent {

    public static CaseSupervised of(HandlingCase c) {
        return new CaseSupervised(c.id(), c.number(), c.topicId(), c.leadUnitCode(), c.supervisorName(), c.supervisionNote(), c.supervisionDueDate(), c.deadline(), c.supervisedAt());
    }
}
