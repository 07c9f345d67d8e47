package org.shangliang.followup.messaging.out;

import java.time.Instant;
import java.util.UUID;
import org.shangliang.followup.domain.Evaluation;
import org.shangliang.followup.domain.HandlingCase;

/** CaseEvaluated — 评价: one evaluation (by role; the person is not named in the event). */
public record CaseEvaluated(UUID caseId, String number, UUID topicId, int round, String evaluatorRole, String attitude, String result, boolean decisive, Instant evaluatedAt) implements CaseEvent {

    public static CaseEvaluated of(HandlingCase c, Evaluation e) {
        return new CaseEvaluated(c.id(), c.number(), c.topicId(), e.round(), e.role().name(), e.attitude().name(), e.result().name(), e.decides(), e.evaluatedAt());
    }
}
