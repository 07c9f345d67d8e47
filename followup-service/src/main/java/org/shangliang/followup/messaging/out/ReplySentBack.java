package org.shangliang.followup.messaging.out;

import java.time.Instant;
import java.util.UUID;
import org.shangliang.followup.domain.HandlingCase;

/** ReplySentBack — 答复退回: staff sent the reply back to the unit. */
public record ReplySentBack(UUID caseId, String number, UUID topicId, String reason, Instant sentBackAt) implements CaseEvent {

    public static ReplySentBack of(HandlingCase c) {
        return new ReplySentBack(c.id(), c.number(), c.topicId(), c.sentBackReason(), c.updatedAt());
    }
}
