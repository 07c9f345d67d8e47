package org.shangliang.followup.messaging.out;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.shangliang.followup.domain.HandlingCase;

/** CaseOverdue — 逾期 (red): a running case passed its deadline without a reply. */
public record CaseOverdue(UUID caseId, String number, UUID topicId, String leadUnitCode, LocalDate deadline, Instant noticedAt) implements CaseEvent {

    public static CaseOverdue of(HandlingCase c, Instant at) {
        return new CaseOverdue(c.id(), c.number(), c.topicId(), c.leadUnitCode(), c.deadline(), at);
    }
}
