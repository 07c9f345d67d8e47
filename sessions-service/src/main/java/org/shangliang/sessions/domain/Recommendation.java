package org.shangliang.sessions.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** Recommendation — 协商建议: one concrete step with a suggested responsible unit; becomes a case (办理件). */
@Entity
@Immutable
@Table(name = "recommendation")
public class Recommendation {

    @Id
    private UUID id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "outcome_id")
    private Outcome outcome;
    private int position;
    private String text;
    @Column(name = "unit_code")
    private String unitCode;
    /** The unit's name as the directory gave it when the outcome was recorded. */
    @Column(name = "suggested_unit")
    private String suggestedUnit;
    @Column(name = "due_date")
    private LocalDate dueDate;
    /** The same recommendation in every version of its outcome; what a case is keyed by. */
    @Column(name = "recommendation_id")
    private UUID recommendationId;
    /** 协办单位, space-separated codes. */
    @Column(name = "co_handler_codes")
    private String coHandlerCodes;
    /** A deadline in working days from assignment, instead of a date (follow-up reckons it on China's calendar). */
    @Column(name = "working_days")
    private Integer workingDays;
    /** 办理方式 when given; null: implied by the co-handlers. */
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "handling_mode")
    private HandlingMode handlingMode;

    protected Recommendation() {
    }

    Recommendation(Outcome outcome, int position, UUID stableId, String text, String unitCode, String suggestedUnit,
                   List<String> coHandlerCodes, HandlingMode handlingMode, LocalDate dueDate, Integer workingDays) {
        this.id = UUID.randomUUID();
        this.handlingMode = handlingMode;
        // A new recommendation's stable id is its first row's id, as before stable ids existed.
        this.recommendationId = stableId != null ? stableId : id;
        this.coHandlerCodes = coHandlerCodes == null || coHandlerCodes.isEmpty() ? null : String.join(" ", coHandlerCodes);
        this.workingDays = workingDays;
        this.outcome = outcome;
        this.position = position;
        this.text = text;
        this.unitCode = unitCode;
        this.suggestedUnit = suggestedUnit;
        this.dueDate = dueDate;
    }

    public UUID id() { return id; }
    public int position() { return position; }
    public String text() { return text; }
    public String unitCode() { return unitCode; }
    public String suggestedUnit() { return suggestedUnit; }
    public LocalDate dueDate() { return dueDate; }
    public UUID recommendationId() { return recommendationId; }
    public List<String> coHandlerCodes() { return coHandlerCodes == null ? List.of() : List.of(coHandlerCodes.split(" ")); }
    public Integer workingDays() { return workingDays; }
    public HandlingMode handlingMode() { return handlingMode; }

    /** The same step with the same units and deadline (what a correction must change to count as a change). */
    boolean sameAs(Recommendation other) {
        return text.equals(other.text) && Objects.equals(unitCode, other.unitCode) && Objects.equals(coHandlerCodes, other.coHandlerCodes)
                && Objects.equals(dueDate, other.dueDate) && Objects.equals(workingDays, other.workingDays)
                && handlingMode == other.handlingMode;
    }
}
