package org.shangliang.followup.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shangliang.followup.domain.CaseHistoryEntry;
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
                           @Schema(description = "ASSIGNED → SIGNED; WITHDRAWN when a correction of the outcome withdrew its recommendation") CaseStatus status,
                           @Schema(nullable = true) Instant signedAt,
                           @Schema(description = "The version of the outcome the case carries; a correction raises it") int outcomeVersion,
                           @Schema(description = "Why a correction withdrew it", nullable = true) String withdrawnReason,
                           @Schema(description = "What a person may do now (moves made by follow-up itself on events are not listed)") List<CaseStatus.Action> allowedActions,
                           @Schema(description = "Also the ETag; send it in If-Match to update") long version,
                           Instant createdAt, Instant updatedAt) {

        public static CaseView of(HandlingCase c) {
            return new CaseView(c.id(), c.number(), c.recommendationId(), c.outcomeId(), c.sessionId(), c.topicId(), c.topicNumber(),
                    c.topicTitle(), c.content(), c.leadUnit(), c.leadUnitCode(), c.dueDate(), c.territoryCode(), c.status(), c.signedAt(),
                    c.outcomeVersion(), c.withdrawnReason(), c.status().allowed().stream().filter(a -> !a.fromEvents()).sorted().toList(), c.version(), c.createdAt(), c.updatedAt());
        }
    }

    @Schema(name = "CaseHistoryEntry", description = "办理记录: one step of the case")
    public record CaseHistoryView(Instant at, @Schema(example = "CORRECTED", enumeration = {"OPENED", "SIGNED", "CORRECTED", "WITHDRAWN"}) String kind,
                                  @Schema(example = "协商意见更正（第2版）：办理时限更正为2027-03-31") String summary,
                                  @Schema(description = "Who or what made the step: a person's login, or the service whose event it applied", example = "/shangliang/sessions-service") String actor,
                                  @Schema(description = "The outcome version or other record behind the step", nullable = true) UUID refId) {
        public static CaseHistoryView of(CaseHistoryEntry e) {
            return new CaseHistoryView(e.at(), e.kind(), e.summary(), e.actor(), e.refId());
        }
    }
}
