package org.shangliang.followup.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Text;

/**
 * CasePart — 协办部分: a co-handling unit's share of a case. The unit signs for its part and reports
 * it once (its opinion in a joint case, its portion's result in a split one); the lead unit's reply
 * cites the parts.
 */
@Entity
@Table(name = "case_part")
public class CasePart {

    /** ASSIGNED → SIGNED → REPORTED; a report may come without a separate sign-for. */
    public enum Status { ASSIGNED, SIGNED, REPORTED }

    @Id
    private UUID id;
    @Column(name = "case_id")
    private UUID caseId;
    @Column(name = "unit_code")
    private String unitCode;
    @Column(name = "unit_name")
    private String unitName;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "signed_at")
    private Instant signedAt;
    @Column(name = "reported_at")
    private Instant reportedAt;
    @Column(name = "reported_by")
    private String reportedBy;
    private String report;
    @Enumerated(EnumType.STRING)
    @Column(name = "resolution_degree")
    private ResolutionDegree resolutionDegree;

    protected CasePart() {
    }

    public CasePart(UUID caseId, String unitCode, String unitName) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.unitCode = unitCode;
        this.unitName = unitName;
        this.status = Status.ASSIGNED;
    }

    public void sign(Instant at) {
        if (status != Status.ASSIGNED) {
            throw ApiException.illegalTransition(Text.of("协办部分已" + (status == Status.SIGNED ? "签收" : "报送") + "，不能再签收。此状态允许：" + (status == Status.SIGNED ? "REPORT" : "none"),
                    "The part is " + status + "; SIGN is not allowed. Allowed from " + status + ": " + (status == Status.SIGNED ? "REPORT" : "none")));
        }
        status = Status.SIGNED;
        signedAt = at;
    }

    public void report(String text, ResolutionDegree degree, String by, Instant at) {
        if (status == Status.REPORTED) {
            throw ApiException.illegalTransition(Text.of("协办部分已报送，不能再次报送。此状态允许：none",
                    "The part is REPORTED; REPORT is not allowed. Allowed from REPORTED: none"));
        }
        if (signedAt == null) signedAt = at;
        status = Status.REPORTED;
        report = text;
        resolutionDegree = degree;
        reportedBy = by;
        reportedAt = at;
    }

    /** A redo or a sent-back reply asks the co-handlers again. */
    public void reopen() {
        if (status == Status.REPORTED) status = Status.SIGNED;
    }

    public UUID id() { return id; }
    public UUID caseId() { return caseId; }
    public String unitCode() { return unitCode; }
    public String unitName() { return unitName; }
    public Status status() { return status; }
    public Instant signedAt() { return signedAt; }
    public Instant reportedAt() { return reportedAt; }
    public String reportedBy() { return reportedBy; }
    public String report() { return report; }
    public ResolutionDegree resolutionDegree() { return resolutionDegree; }
}
