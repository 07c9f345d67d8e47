package org.shangliang.followup.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** ProgressReport — 办理进展: what a unit did so far, how far along, and the evidence's metadata. */
@Entity
@Immutable
@Table(name = "progress_report")
public class ProgressReport {

    /** 佐证材料: an evidence attachment as the unit's own store keeps it; the file itself is not held here. */
    @Embeddable
    public static class Evidence {
        private String name;
        @Column(name = "content_type")
        private String contentType;
        @Column(name = "size_bytes")
        private Long sizeBytes;
        private String sha256;
        private String uri;

        protected Evidence() {
        }

        public Evidence(String name, String contentType, Long sizeBytes, String sha256, String uri) {
            this.name = name;
            this.contentType = contentType;
            this.sizeBytes = sizeBytes;
            this.sha256 = sha256;
            this.uri = uri;
        }

        public String name() { return name; }
        public String contentType() { return contentType; }
        public Long sizeBytes() { return sizeBytes; }
        public String sha256() { return sha256; }
        public String uri() { return uri; }
    }

    @Id
    private UUID id;
    @Column(name = "case_id")
    private UUID caseId;
    @Column(name = "unit_code")
    private String unitCode;
    private int percent;
    private String text;
    @Column(name = "reported_by")
    private String reportedBy;
    @Column(name = "reported_at")
    private Instant reportedAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "progress_evidence", joinColumns = @JoinColumn(name = "report_id"))
    @OrderColumn(name = "position")
    private List<Evidence> evidence = new ArrayList<>();

    protected ProgressReport() {
    }

    public ProgressReport(UUID caseId, String unitCode, int percent, String text, List<Evidence> evidence, String reportedBy, Instant at) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.unitCode = unitCode;
        this.percent = percent;
        this.text = text;
        this.evidence = new ArrayList<>(evidence);
        this.reportedBy = reportedBy;
        this.reportedAt = at;
    }

    public UUID id() { return id; }
    public UUID caseId() { return caseId; }
    public String unitCode() { return unitCode; }
    public int percent() { return percent; }
    public String text() { return text; }
    public String reportedBy() { return reportedBy; }
    public Instant reportedAt() { return reportedAt; }
    public List<Evidence> evidence() { return List.copyOf(evidence); }
}
