package org.shangliang.followup.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Text;

/** ExtensionRequest — 延期申请: a unit asks for a later due date; staff approve or refuse it, once. */
@Entity
@Table(name = "extension_request")
public class ExtensionRequest {

    /** PENDING → APPROVED or REFUSED. */
    public enum Status { PENDING, APPROVED, REFUSED }

    @Id
    private UUID id;
    @Column(name = "case_id")
    private UUID caseId;
    @Column(name = "requested_by")
    private String requestedBy;
    @Column(name = "requested_at")
    private Instant requestedAt;
    private String reason;
    @Column(name = "current_due_date")
    private LocalDate currentDueDate;
    @Column(name = "requested_due_date")
    private LocalDate requestedDueDate;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "decision_note")
    private String decisionNote;

    protected ExtensionRequest() {
    }

    public ExtensionRequest(UUID caseId, String requestedBy, String reason, LocalDate currentDueDate, LocalDate requestedDueDate, Instant at) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.requestedBy = requestedBy;
        this.reason = reason;
        this.currentDueDate = currentDueDate;
        this.requestedDueDate = requestedDueDate;
        this.requestedAt = at;
        this.status = Status.PENDING;
    }

    public void decide(boolean approve, String by, String note, Instant at) {
        if (status != Status.PENDING) {
            throw ApiException.illegalTransition(Text.of("延期申请已" + (status == Status.APPROVED ? "批准" : "不予批准") + "，不能再次审批。此状态允许：none",
                    "The extension request is " + status + "; it was decided already. Allowed from " + status + ": none"));
        }
        status = approve ? Status.APPROVED : Status.REFUSED;
        decidedBy = by;
        decisionNote = note;
        decidedAt = at;
    }

    public UUID id() { return id; }
    public UUID caseId() { return caseId; }
    public String requestedBy() { return requestedBy; }
    public Instant requestedAt() { return requestedAt; }
    public String reason() { return reason; }
    public LocalDate currentDueDate() { return currentDueDate; }
    public LocalDate requestedDueDate() { return requestedDueDate; }
    public Status status() { return status; }
    public String decidedBy() { return decidedBy; }
    public Instant decidedAt() { return decidedAt; }
    public String decisionNote() { return decisionNote; }
}
