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
import org.hibernate.annotations.Immutable;

/** Contribution — 发言 / 部门回应 / 书面意见 on an agenda item, numbered in the order recorded. Part of the record: not edited. */
@Entity
@Immutable
@Table(name = "contribution")
public class Contribution {

    @Id
    private UUID id;
    @Column(name = "session_id")
    private UUID sessionId;
    @Column(name = "agenda_item_id")
    private UUID agendaItemId;
    @Column(name = "participant_id")
    private UUID participantId;
    @Column(name = "participant_name")
    private String participantName;
    @Column(name = "unit_code")
    private String unitCode;
    @Enumerated(EnumType.STRING)
    private ContributionKind kind;
    private int sequence;
    private String summary;
    @Column(name = "recorded_by")
    private String recordedBy;
    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected Contribution() {
    }

    public Contribution(AgendaItem item, Participant participant, ContributionKind kind, int sequence, String summary, String recordedBy) {
        this.id = UUID.randomUUID();
        this.sessionId = participant.sessionId();
        this.agendaItemId = item.id();
        this.participantId = participant.id();
        this.participantName = participant.name();
        this.unitCode = participant.unitCode();
        this.kind = kind;
        this.sequence = sequence;
        this.summary = summary;
        this.recordedBy = recordedBy;
        this.recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public UUID id() { return id; }
    public UUID sessionId() { return sessionId; }
    public UUID agendaItemId() { return agendaItemId; }
    public UUID participantId() { return participantId; }
    public String participantName() { return participantName; }
    public String unitCode() { return unitCode; }
    public ContributionKind kind() { return kind; }
    public int sequence() { return sequence; }
    public String summary() { return summary; }
    public String recordedBy() { return recordedBy; }
    public Instant recordedAt() { return recordedAt; }
}
