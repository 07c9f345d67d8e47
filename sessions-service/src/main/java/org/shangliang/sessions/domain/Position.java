package org.shangliang.sessions.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Position — 表态: where a present participant stands on an agenda item, stated by themself or by
 * the organizer on their behalf (and then recorded as such). It may change until the outcome is
 * recorded; each outcome version keeps the positions it was recorded with ({@link OutcomePosition}).
 */
@Entity
@Table(name = "position")
public class Position {

    @Id
    private UUID id;
    @Column(name = "agenda_item_id")
    private UUID agendaItemId;
    @Column(name = "participant_id")
    private UUID participantId;
    @Enumerated(EnumType.STRING)
    private Stance stance;
    private String note;
    @Column(name = "recorded_by")
    private String recordedBy;
    @Column(name = "on_behalf")
    private boolean onBehalf;
    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected Position() {
    }

    public Position(UUID agendaItemId, UUID participantId) {
        this.id = UUID.randomUUID();
        this.agendaItemId = agendaItemId;
        this.participantId = participantId;
    }

    public void state(Stance stance, String note, String recordedBy, boolean onBehalf) {
        this.stance = stance;
        this.note = note;
        this.recordedBy = recordedBy;
        this.onBehalf = onBehalf;
        this.recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public UUID id() { return id; }
    public UUID agendaItemId() { return agendaItemId; }
    public UUID participantId() { return participantId; }
    public Stance stance() { return stance; }
    public String note() { return note; }
    public String recordedBy() { return recordedBy; }
    public boolean onBehalf() { return onBehalf; }
    public Instant recordedAt() { return recordedAt; }
}
