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
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    @Column(name = "majority_threshold")
    private Double majorityThreshold;
    /** Null when nobody's position was taken: nothing was counted. */
    @Column(name = "decision_met")
    private Boolean decisionMet;
    @Column(name = "present_count")
    private int presentCount;
    /** Why this version corrects the one before (更正说明); null for version 1. */
    @Column(name = "correction_reason")
    private String correctionReason;
    @OneToMany(mappedBy = "outcome", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    private List<Recommendation> recommendations = new ArrayList<>();
    @OneToMany(mappedBy = "outcome", cascade = CascadeType.PERSIST)
    @OrderBy("participantName")
    private List<OutcomePosition> positions = new ArrayList<>();

    protected Outcome() {
    }

    public Outcome(AgendaItem item, int version, String consensus, Decision decision, String recordedBy, String recordedByName,
                   boolean late, String correctionReason) {
        this.late = late;
        this.majorityThreshold = decision.threshold();
        this.decisionMet = decision.met();
        this.presentCount = decision.present();
        this.correctionReason = correctionReason;
        this.recordedBy = recordedBy;
        this.recordedByName = recordedByName;
        this.id = UUID.randomUUID();
        this.agendaItem = item;
        this.version = version;
        this.consensus = consensus;
        this.decisionRule = decision.rule();
        this.recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** A recommendation of this version; {@code stableId} is kept from the version before, or new. */
    public Recommendation recommend(UUID stableId, String text, String unitCode, String unitName, List<String> coHandlerCodes,
                                    HandlingMode handlingMode, LocalDate dueDate, Integer workingDays) {
        Recommendation r = new Recommendation(this, recommendations.size() + 1, stableId, text, unitCode, unitName, coHandlerCodes, handlingMode, dueDate, workingDays);
        recommendations.add(r);
        return r;
    }

    /** The positions as they stand now become part of this version's record. */
    public void taken(Participant participant, Position position) {
        positions.add(new OutcomePosition(this, participant, position));
    }

    /** What this version changed, added and withdrew against {@code previous}, by stable recommendation id. */
    public Changes changesFrom(Outcome previous) {
        Map<UUID, Recommendation> before = new LinkedHashMap<>();
        previous.recommendations.forEach(r -> before.put(r.recommendationId(), r));
        List<UUID> changed = new ArrayList<>(), added = new ArrayList<>();
        for (Recommendation r : recommendations) {
            Recommendation old = before.remove(r.recommendationId());
            if (old == null) added.add(r.recommendationId());
            else if (!old.sameAs(r)) changed.add(r.recommendationId());
        }
        return new Changes(!consensus.equals(previous.consensus), changed, added, List.copyOf(before.keySet()));
    }

    /** 更正内容: whether the agreed opinion's text changed, and which recommendations changed, were added or withdrawn. */
    public record Changes(boolean consensusChanged, List<UUID> changed, List<UUID> added, List<UUID> withdrawn) {
        public boolean none() {
            return !consensusChanged && changed.isEmpty() && added.isEmpty() && withdrawn.isEmpty();
        }
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
    public Double majorityThreshold() { return majorityThreshold; }
    public Boolean decisionMet() { return decisionMet; }
    public int presentCount() { return presentCount; }
    public String correctionReason() { return correctionReason; }
    public List<OutcomePosition> positions() { return List.copyOf(positions); }
    public List<Recommendation> recommendations() { return List.copyOf(recommendations); }
}
