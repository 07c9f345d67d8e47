package org.shangliang.followup.messaging.out;

import java.time.Instant;
import java.util.UUID;
import org.shangliang.followup.domain.HandlingCase;

/** CaseRedo — 重办: the case went back to its unit after 不满意. */
public record CaseRedo(UUID caseId, String number, UUID topicId, int redoCount, String reason, Instant redoAt) implements CaseEvent {

    public static CaseRedo of(HandlingCase c, String reason) {
        return new CaseRedo(c.id(), c.number(), c.topicId(), c.redoCount(), reason, c.updatedAt());
    }
}
