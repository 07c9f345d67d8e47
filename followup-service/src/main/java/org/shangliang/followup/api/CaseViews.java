package org.shangliang.followup.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shangliang.followup.domain.CaseHistoryEntry;
import org.shangliang.followup.domain.CasePart;
import org.shangliang.followup.domain.CaseStatus;
import org.shangliang.followup.domain.DeadlineState;
import org.shangliang.followup.domain.ExtensionRequest;
import org.shangliang.followup.domain.Evaluation;
import org.shangliang.followup.domain.EvaluatorRole;
import org.shangliang.followup.domain.HandlingCase;
import org.shangliang.followup.domain.HandlingMode;
import org.shangliang.followup.domain.ProgressReport;
import org.shangliang.followup.domain.ResolutionDegree;
import org.shangliang.followup.domain.Satisfaction;

/** What the case API returns. */
public final class CaseViews {

    private CaseViews() {
    }

    @Schema(name = "Case", description = "A case (办理件): one recommendation of a consultation outcome, handled by a lead unit")
    public record CaseView(UUID id, @Schema(example = "BJ-2026-0007") String number, UUID recommendationId,
                           @Schema(description = "Null for a case opened by hand", nullable = true) UUID outcomeId,
                           @Schema(nullable = true) UUID sessionId, @Schema(nullable = true) UUID topicId,
                           @Schema(example = "YT-2026-0042", nullable = true) String topicNumber, @Schema(nullable = true) String topicTitle,
                           @Schema(description = "What is to be done (the recommendation)") String content,
                           @Schema(description = "Lead unit (主办单位): its name as recorded", example = "县农业农村局") String leadUnit,
                           @Schema(description = "Lead unit's directory code: a handler whose token's `unit` claim names it handles the case", example = "agri-rural", nullable = true) String leadUnitCode,
                           @Schema(description = "办理方式: SOLE 单办, SPLIT 分办, JOINT 会办") HandlingMode handlingMode,
                           @Schema(description = "Co-handling units (协办单位) and where their parts stand") List<PartView> coHandlers,
                           @Schema(nullable = true) LocalDate dueDate,
                           @Schema(description = "The deadline in force: dueDate, or a leader's tighter one", nullable = true) LocalDate deadline,
                           @Schema(description = "NONE, ON_TRACK, DUE_SOON (yellow) or OVERDUE (red), today in Beijing time; the clock runs until the reply") DeadlineState deadlineState,
                           @Schema(description = "催办 so far") int reminderCount,
                           @Schema(description = "督办: the leader, their note and deadline, when supervised", nullable = true) SupervisionView supervision,
                           @Schema(description = "A deadline in working days from sign-for; dueDate is set when the case is signed for", nullable = true) Integer workingDays,
                           @Schema(description = "Territory of the session that produced it", example = "330421003201") String territoryCode,
                           @Schema(description = "ASSIGNED → SIGNED (or RETURN_REQUESTED) → IN_PROGRESS → REPLIED → REPLY_APPROVED → CLOSED, or back to IN_PROGRESS on a sent-back reply or a redo; "
                                   + "WITHDRAWN when a correction of the outcome withdrew its recommendation") CaseStatus status,
                           @Schema(nullable = true) Instant signedAt,
                           @Schema(description = "Why the lead unit asked to hand it back (申退)", nullable = true) String returnReason,
                           @Schema(description = "How far along, from the latest progress report", example = "60") int progressPercent,
                           @Schema(description = "The lead unit's reply (办复)", nullable = true) String reply,
                           @Schema(nullable = true) ResolutionDegree resolutionDegree,
                           @Schema(nullable = true) Instant repliedAt,
                           @Schema(description = "Why staff sent the reply back", nullable = true) String sentBackReason,
                           @Schema(description = "When the reply passed review and went to the evaluators", nullable = true) Instant approvedAt,
                           @Schema(description = "重办 so far") int redoCount,
                           @Schema(description = "The evaluation round: one more after each redo") int round,
                           @Schema(description = "The deciding evaluation's result, once closed", nullable = true) Satisfaction satisfaction,
                           @Schema(nullable = true) Instant closedAt,
                           @Schema(description = "Staff's note when they closed it", nullable = true) String closingNote,
                           @Schema(description = "Where a case opened by hand came from; null for cases from outcomes", nullable = true) String source,
                           @Schema(description = "The version of the outcome the case carries; a correction raises it") int outcomeVersion,
                           @Schema(description = "Why a correction withdrew it", nullable = true) String withdrawnReason,
                           @Schema(description = "The moves of the case's status (each by its own role; moves made by follow-up itself on events are not listed)") List<CaseStatus.Action> allowedActions,
                           @Schema(description = "Also the ETag; send it in If-Match to update") long version,
                           Instant createdAt, Instant updatedAt) {

        public static CaseView of(HandlingCase c, List<CasePart> parts, DeadlineState state) {
            return new CaseView(c.id(), c.number(), c.recommendationId(), c.outcomeId(), c.sessionId(), c.topicId(), c.topicNumber(),
                    c.topicTitle(), c.content(), c.leadUnit(), c.leadUnitCode(), c.handlingMode(), parts.stream().map(PartView::of).toList(),
                    c.dueDate(), c.deadline(), state, c.reminderCount(), SupervisionView.of(c), c.workingDays(), c.territoryCode(), c.status(), c.signedAt(), c.returnReason(), c.progressPercent(), c.reply(),
                    c.resolutionDegree(), c.repliedAt(), c.sentBackReason(), c.approvedAt(), c.redoCount(), c.round(), c.satisfaction(),
                    c.closedAt(), c.closingNote(), c.sourceNote(), c.outcomeVersion(), c.withdrawnReason(),
                    c.status().allowed().stream().filter(a -> !a.fromEvents()).sorted().toList(), c.version(), c.createdAt(), c.updatedAt());
        }
    }

    @Schema(name = "Supervision", description = "督办")
    public record SupervisionView(@Schema(example = "县政协副主席 陈") String supervisor, String note,
                                  @Schema(nullable = true) LocalDate dueDate, Instant supervisedAt) {
        static SupervisionView of(HandlingCase c) {
            return c.supervisedAt() == null ? null : new SupervisionView(c.supervisorName(), c.supervisionNote(), c.supervisionDueDate(), c.supervisedAt());
        }
    }

    @Schema(name = "ExtensionRequest", description = "延期申请 and staff's answer")
    public record ExtensionView(UUID id, @Schema(description = "PENDING, APPROVED or REFUSED") ExtensionRequest.Status status, String reason,
                                @Schema(nullable = true) LocalDate currentDueDate, LocalDate requestedDueDate, Instant requestedAt,
                                @Schema(nullable = true) Instant decidedAt, @Schema(nullable = true) String decisionNote) {
        public static ExtensionView of(ExtensionRequest r) {
            return new ExtensionView(r.id(), r.status(), r.reason(), r.currentDueDate(), r.requestedDueDate(), r.requestedAt(), r.decidedAt(), r.decisionNote());
        }
    }

    @Schema(name = "CasePart", description = "协办部分: a co-handling unit's share")
    public record PartView(@Schema(example = "natural-resources") String unitCode, @Schema(example = "县自然资源和规划局") String unitName,
                           @Schema(description = "ASSIGNED → SIGNED → REPORTED") CasePart.Status status,
                           @Schema(nullable = true) Instant signedAt, @Schema(nullable = true) Instant reportedAt,
                           @Schema(description = "Its opinion (会办) or its portion's result (分办)", nullable = true) String report,
                           @Schema(nullable = true) ResolutionDegree resolutionDegree) {
        public static PartView of(CasePart p) {
            return new PartView(p.unitCode(), p.unitName(), p.status(), p.signedAt(), p.reportedAt(), p.report(), p.resolutionDegree());
        }
    }

    @Schema(name = "ProgressReport", description = "办理进展")
    public record ProgressView(UUID id, @Schema(example = "agri-rural") String unitCode, @Schema(example = "60") int percent, String text,
                               List<EvidenceView> evidence, Instant reportedAt) {
        public static ProgressView of(ProgressReport r) {
            return new ProgressView(r.id(), r.unitCode(), r.percent(), r.text(), r.evidence().stream().map(EvidenceView::of).toList(), r.reportedAt());
        }
    }

    @Schema(name = "EvidenceMetadata", description = "佐证材料 as the unit's store keeps it")
    public record EvidenceView(String name, @Schema(nullable = true) String contentType, @Schema(nullable = true) Long sizeBytes,
                               @Schema(nullable = true) String sha256, @Schema(nullable = true) String uri) {
        static EvidenceView of(ProgressReport.Evidence e) {
            return new EvidenceView(e.name(), e.contentType(), e.sizeBytes(), e.sha256(), e.uri());
        }
    }

    @Schema(name = "Evaluation", description = "评价: one person's rating in one round (who, only by their role)")
    public record EvaluationView(UUID id, @Schema(example = "1") int round, EvaluatorRole role, Satisfaction attitude, Satisfaction result,
                                 @Schema(nullable = true) String comment, Instant evaluatedAt,
                                 @Schema(description = "Whether this evaluation settled the round (the proposer's)") boolean decisive) {
        public static EvaluationView of(Evaluation e) {
            return new EvaluationView(e.id(), e.round(), e.role(), e.attitude(), e.result(), e.comment(), e.evaluatedAt(), e.decides());
        }
    }

    @Schema(name = "CaseHistoryEntry", description = "办理记录: one step of the case")
    public record CaseHistoryView(Instant at, @Schema(example = "CORRECTED", enumeration = {"OPENED", "SIGNED", "REMINDED", "SUPERVISED", "EXTENSION_REQUESTED", "EXTENDED", "EXTENSION_REFUSED", "RETURN_REQUESTED", "REASSIGNED", "INSISTED", "PROGRESS", "PART_SIGNED", "PART_REPORTED", "REPLIED", "REPLY_APPROVED", "REPLY_SENT_BACK", "EVALUATED", "REDO", "CLOSED", "CORRECTED", "WITHDRAWN"}) String kind,
                                  @Schema(example = "协商意见更正（第2版）：办理时限更正为2027-03-31") String summary,
                                  @Schema(description = "Who or what made the step: a person's login, or the service whose event it applied", example = "/shangliang/sessions-service") String actor,
                                  @Schema(description = "The outcome version or other record behind the step", nullable = true) UUID refId) {
        public static CaseHistoryView of(CaseHistoryEntry e) {
            return new CaseHistoryView(e.at(), e.kind(), e.summary(), e.actor(), e.refId());
        }
    }

    @Schema(name = "CaseBoardRow", description = "One township and unit on staff's board")
    public record BoardRow(@Schema(example = "330421003") String townshipCode, @Schema(example = "惠民街道") String townshipName,
                           @Schema(example = "agri-rural", nullable = true) String unitCode, @Schema(example = "县农业农村局") String unitName,
                           @Schema(description = "Cases per status") java.util.Map<CaseStatus, Long> byStatus,
                           @Schema(description = "Open cases (neither closed nor withdrawn)") long open,
                           @Schema(description = "Overdue today") long overdue, @Schema(description = "Due soon") long dueSoon) {
    }
}
