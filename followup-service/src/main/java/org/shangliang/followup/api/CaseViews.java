package org.shangliang.followup.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shangliang.followup.domain.CaseStatus;
import org.shangliang.followup.domain.HandlingCase;

/** What the case API returns. */
public final class CaseViews {

    private CaseViews() {
    }

    @Schema(name = "Case", description = "A case (办理件): one recommendation of a consultation outcome, handled by a lead unit")
    public record CaseView(UUID id, @Schema(example = "BJ-2026-0007") String number, UUID recommendationId, UUID outcomeId,
                           UUID sessionId, UUID topicId, @Schema(example = "YT-2026-0042") String topicNumber, String topicTitle,
                           @Schema(description = "What is to be done (the recommendation)") String content,
                           @Schema(description = "Lead unit (承办单位): its name as recorded", example = "县农业农村局") String leadUnit,
                           @Schema(description = "Lead unit's directory code: a handler whose token's `unit` claim names it handles the case", example = "agri-rural", nullable = true) String leadUnitCode,
                           @Schema(nullable = true) LocalDate dueDate,
                           @Schema(description = "Territory of the session that produced it", example = "330421003201") String territoryCode,
                           @Schema(description = "ASSIGNED → SIGNED") CaseStatus status, @Schema(nullable = true) Instant signedAt,
                           List<CaseStatus.Action> allowedActions,
                           @Schema(description = "Also the ETag; send it in If-Match to update") long version,
                           Instant createdAt, Instant updatedAt) {

        public static CaseView of(HandlingCase c) {
            return new CaseView(c.id(), c.number(), c.recommendationId(), c.outcomeId(), c.sessionId(), c.topicId(), c.topicNumber(),
                    c.topicTitle(), c.content(), c.leadUnit(), c.leadUnitCode(), c.dueDate(), c.territoryCode(), c.status(), c.signedAt(),
                    c.status().allowed().stream().sorted().toList(), c.version(), c.createdAt(), c.updatedAt());
        }
    }
}
