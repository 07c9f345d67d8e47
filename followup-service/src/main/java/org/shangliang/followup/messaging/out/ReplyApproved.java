package org.shangliang.followup.messaging.out;

import java.time.Instant;
import java.util.UUID;
import org.shangliang.followup.domain.HandlingCase;

/** ReplyApproved — 答复审查通过: the reply went to the evaluators. */
public record ReplyApproved(UUID caseId, String number, UUID topicId, String resolutionDegree, Instant approvedAt) implements CaseEvent {

    public static ReplyApproved of(HandlingCase c) {
        return new ReplyApproved(c.id(), c.number(), c.topicId(), c.resolutionDegree().name(), c.approvedAt());
    }
}
