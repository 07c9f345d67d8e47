package org.shangliang.sessions.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
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

    protected Recommendation() {
    }

    Recommendation(Outcome outcome, int position, String text, String unitCode, String suggestedUnit, LocalDate dueDate) {
        this.id = UUID.randomUUID();
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
}
