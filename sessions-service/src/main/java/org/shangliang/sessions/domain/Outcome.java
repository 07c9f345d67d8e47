package org.shangliang.sessions.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * Outcome — 协商成果 (工作手册记录): the agreed opinion on one agenda item and its recommendations.
 * An official record: immutable once written; a correction is a new version.
 */
@Entity
@Immutable
@Table(name = "outcome")
public class Outcome {

    @Id
    private UUID id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "agenda_item_id")
    private AgendaItem agendaItem;
    private int version;
    private String consensus;
    @Enumerated(EnumType.STRING)
    @Column(name = "decision_rule")
    private DecisionRule decisionRule;
    @Column(name = "recorded_at")
    private Instant recordedAt;
    @Column(name = "recorded_by")
    private String recordedBy;
    @Column(name = "recorded_by_name")
    private String recordedByName;
    /** Recorded after the session concluded (补录). */
    private boolean late;
    @OneToMany(mappedBy = "outcome", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    private List<Recommendation> recommendations = new ArrayList<>();

    protected Outcome() {
    }

    public Outcome(AgendaItem item, int version, String consensus, DecisionRule rule, String recordedBy, String recordedByName, boolean late) {
        this.late = late;
        this.recordedBy = recordedBy;
        this.recordedByName = recordedByName;
        this.id = UUID.randomUUID();
        this.agendaItem = item;
        this.version = version;
        this.consensus = consensus;
        this.decisionRule = rule;
        this.recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public Recommendation recommend(String text, String unitCode, String unitName, java.time.LocalDate dueDate) {
        Recommendation r = new Recommendation(this, recommendations.size() + 1, text, unitCode, unitName, dueDate);
        recommendations.add(r);
        return r;
    }

    public UUID id() { return id; }
    public AgendaItem agendaItem() { return agendaItem; }
    public int version() { return version; }
    public String consensus() { return consensus; }
    public DecisionRule decisionRule() { return decisionRule; }
    public Instant recordedAt() { return recordedAt; }
    public String recordedBy() { return recordedBy; }
    public String recordedByName() { return recordedByName; }
    public boolean late() { return late; }
    public List<Recommendation> recommendations() { return List.copyOf(recommendations); }
}
