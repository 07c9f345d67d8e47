package org.shangliang.followup.messaging.out;

import java.time.Instant;
import java.util.UUID;
import org.shangliang.followup.domain.HandlingCase;

/** CaseWithdrawn — 撤销: a correction of the outcome withdrew the case's recommendation. */
public record CaseWithdrawn(UUID caseId, String number, UUID topicId, int outcomeVersion, String reason, Instant withdrawnAt) implements CaseEvent {

    public static CaseWithdrawn of(HandlingCase c) {
        return new CaseWithdrawn(c.id(), c.number(), c.topicId(), c.outcomeVersion(), c.withdrawnReason(), c.updatedAt());
    }
}
