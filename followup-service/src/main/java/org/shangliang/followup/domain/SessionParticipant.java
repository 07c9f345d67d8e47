package org.shangliang.followup.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** SessionParticipant — 参会人员: present when a session recorded an outcome (from OutcomeRecorded); they evaluate its cases. */
@Entity
@Immutable
@Table(name = "session_participant")
public class SessionParticipant {

    @Id
    private UUID id;
    @Column(name = "session_id")
    private UUID sessionId;
    private String subject;

    protected SessionParticipant() {
    }

    public UUID sessionId() { return sessionId; }
    public String subject() { return subject; }
}
