package org.shangliang.sessions.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A position as it stood when an outcome version was recorded: part of the official record. */
@Entity
@Immutable
@Table(name = "outcome_position")
public class OutcomePosition {

    @Id
    private UUID id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "outcome_id")
    private Outcome outcome;
    @Column(name = "participant_id")
    private UUID participantId;
    @Column(name = "participant_name")
    private String participantName;
    @Enumerated(EnumType.STRING)
    @Column(name = "participant_role")
    private ParticipantRole participantRole;
    @Enumerated(EnumType.STRING)
    private Stance stance;
    private String note;
    @Column(name = "on_behalf")
    private boolean onBehalf;
    @Column(name = "recorded_by")
    private String recordedBy;
    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected OutcomePosition() {
    }

    OutcomePosition(Outcome outcome, Participant participant, Position position) {
        this.id = UUID.randomUUID();
        this.outcome = outcome;
        this.participantId = participant.id();
        this.participantName = participant.name();
        this.participantRole = participant.role();
        this.stance = position.stance();
        this.note = position.note();
        this.onBehalf = position.onBehalf();
        this.recordedBy = position.recordedBy();
        this.recordedAt = position.recordedAt();
    }

    public UUID participantId() { return participantId; }
    public String participantName() { return participantName; }
    public ParticipantRole participantRole() { return participantRole; }
    public Stance stance() { return stance; }
    public String note() { return note; }
    public boolean onBehalf() { return onBehalf; }
    public String recordedBy() { return recordedBy; }
    public Instant recordedAt() { return recordedAt; }
}
