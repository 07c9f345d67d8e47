package org.shangliang.followup.messaging.out;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.shangliang.followup.domain.HandlingCase;

/** CaseReplied — 办复: the lead unit replied, citing the co-handlers' parts. */
public record CaseReplied(UUID caseId, String number, UUID topicId, String leadUnitCode, String resolutionDegree, String reply, List<String> citedUnitCodes, Instant repliedAt) implements CaseEvent {

    public static CaseReplied of(HandlingCase c, List<String> citedUnitCodes) {
        return new CaseReplied(c.id(), c.number(), c.topicId(), c.leadUnitCode(), c.resolutionDegree().name(), c.reply(), citedUnitCodes, c.repliedAt());
    }
}
