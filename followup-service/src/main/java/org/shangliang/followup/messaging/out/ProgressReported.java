package org.shangliang.followup.messaging.out;

import java.time.Instant;
import java.util.UUID;
import org.shangliang.followup.domain.HandlingCase;
import org.shangliang.followup.domain.ProgressReport;

/** ProgressReported — 办理进展: a unit reported progress (the lead unit, or a co-handler its part). */
public record ProgressReported(UUID caseId, String number, UUID topicId, String unitCode, int percent, String text, int evidenceCount, Instant reportedAt) implements CaseEvent {

    public static ProgressReported of(HandlingCase c, ProgressReport r) {
        return new ProgressReported(c.id(), c.number(), c.topicId(), r.unitCode(), r.percent(), r.text(), r.evidence().size(), r.reportedAt());
    }
}
