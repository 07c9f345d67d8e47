package org.shangliang.followup.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** CaseHistoryEntry — 办理记录: one step in a case's own history. Written once, never changed. */
@Entity
@Immutable
@Table(name = "case_history")
public class CaseHistoryEntry {

    @Id
    private UUID id;
    @Column(name = "case_id")
    private UUID caseId;
    private Instant at;
    private String kind;
    private String summary;
    private String actor;
    @Column(name = "ref_id")
    private UUID refId;
    /** Written by the database: the order of steps that share a time. */
    @Column(insertable = false, updatable = false)
    private Long seq;

    protected CaseHistoryEntry() {
    }

    public CaseHistoryEntry(UUID caseId, String kind, String summary, String actor, UUID refId) {
        this(caseId, Instant.now().truncatedTo(ChronoUnit.MICROS), kind, summary, actor, refId);
    }

    public CaseHistoryEntry(UUID caseId, Instant at, String kind, String summary, String actor, UUID refId) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.at = at;
        this.kind = kind;
        this.summary = summary.length() <= 2000 ? summary : summary.substring(0, 1999) + "…";
        this.actor = actor;
        this.refId = refId;
    }

    public UUID id() { return id; }
    public UUID caseId() { return caseId; }
    public Instant at() { return at; }
    public String kind() { return kind; }
    public String summary() { return summary; }
    public String actor() { return actor; }
    public UUID refId() { return refId; }
}
