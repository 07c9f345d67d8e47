package org.shangliang.topics.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * ConsultationPlan — 年度协商计划: the topics a territory's CPPCC office means to consult on in a
 * year, in order. Its state machine is {@link PlanStatus}; the items change only while it is a
 * draft, or by amendment once published.
 */
@Entity
@Table(name = "consultation_plan")
public class ConsultationPlan {

    @Id
    private UUID id;
    private int year;
    @Column(name = "territory_code")
    private String territoryCode;
    private String title;
    @Enumerated(EnumType.STRING)
    private PlanStatus status;
    @Version
    private long version;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "approved_by")
    private String approvedBy;
    @Column(name = "approved_at")
    private Instant approvedAt;
    @Column(name = "published_at")
    private Instant publishedAt;
    @ElementCollection
    @CollectionTable(name = "plan_item", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderBy("position")
    private List<PlanItem> items = new ArrayList<>();

    protected ConsultationPlan() {
    }

    public static ConsultationPlan create(int year, String territoryCode, String title, String createdBy) {
        ConsultationPlan p = new ConsultationPlan();
        p.id = UUID.randomUUID();
        p.year = year;
        p.territoryCode = territoryCode;
        p.title = title;
        p.status = PlanStatus.DRAFT;
        p.createdBy = createdBy;
        p.createdAt = now();
        p.updatedAt = p.createdAt;
        return p;
    }

    /**
     * The items as given, in that order: a draft's by EDIT, a published plan's by AMEND (the
     * caller records the amendment).
     */
    public void replaceItems(List<PlanItem> next, boolean amendment) {
        status = status.next(amendment ? PlanStatus.Action.AMEND : PlanStatus.Action.EDIT);
        items.clear();
        items.addAll(next);
        updatedAt = now();
    }

    /** The action that changes the items from the current status: EDIT for a draft, AMEND once published. */
    public boolean changesByAmendment() {
        return status == PlanStatus.PUBLISHED;
    }

    public void approve(String by) {
        status = status.next(PlanStatus.Action.APPROVE);
        approvedBy = by;
        approvedAt = now();
        updatedAt = approvedAt;
    }

    /** Back to a draft: the approval lapses. */
    public void reopen() {
        status = status.next(PlanStatus.Action.REOPEN);
        approvedBy = null;
        approvedAt = null;
        updatedAt = now();
    }

    public void publish() {
        status = status.next(PlanStatus.Action.PUBLISH);
        publishedAt = now();
        updatedAt = publishedAt;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public UUID id() { return id; }
    public int year() { return year; }
    public String territoryCode() { return territoryCode; }
    public String title() { return title; }
    public PlanStatus status() { return status; }
    public long version() { return version; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public String approvedBy() { return approvedBy; }
    public Instant approvedAt() { return approvedAt; }
    public Instant publishedAt() { return publishedAt; }
    public List<PlanItem> items() { return List.copyOf(items); }
}
