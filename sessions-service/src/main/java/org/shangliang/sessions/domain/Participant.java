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
 * Participant — 参会人员: a person invited to a session, their answer (回执) and their check-in (签到).
 * Who they are across sessions ({@link #personKey}) is what double booking compares.
 */
@Entity
@Table(name = "participant")
public class Participant {

    /** 回执. */
    public enum Rsvp { PENDING, ACCEPTED, DECLINED }

    /** Who checked the person in: the organizer ticking the list, or the person with the hall's code. */
    public enum CheckedInBy { ORGANIZER, SELF }

    @Id
    private UUID id;
    @Column(name = "session_id")
    private UUID sessionId;
    @Enumerated(EnumType.STRING)
    private ParticipantRole role;
    private String name;
    @Column(name = "member_id")
    private UUID memberId;
    @Column(name = "unit_code")
    private String unitCode;
    private String subject;
    private String affiliation;
    @Column(name = "person_key")
    private String personKey;
    @Enumerated(EnumType.STRING)
    private Rsvp rsvp;
    @Column(name = "rsvp_note")
    private String rsvpNote;
    @Column(name = "rsvp_at")
    private Instant rsvpAt;
    @Column(name = "checked_in_at")
    private Instant checkedInAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "checked_in_by")
    private CheckedInBy checkedInBy;
    @Column(name = "invited_by")
    private String invitedBy;
    @Column(name = "invited_at")
    private Instant invitedAt;
    @Column(name = "overlap_confirmed_with")
    private UUID overlapConfirmedWith;

    protected Participant() {
    }

    public Participant(UUID sessionId, ParticipantRole role, String name, UUID memberId, String unitCode, String subject,
                       String affiliation, String invitedBy) {
        this.id = UUID.randomUUID();
        this.sessionId = sessionId;
        this.role = role;
        this.name = name;
        this.memberId = memberId;
        this.unitCode = unitCode;
        this.subject = subject;
        this.affiliation = affiliation;
        this.personKey = personKey(memberId, subject);
        this.rsvp = Rsvp.PENDING;
        this.invitedBy = invitedBy;
        this.invitedAt = now();
    }

    /** The same person in every session: a member by directory id, anyone else by login; null when only a name is known. */
    public static String personKey(UUID memberId, String subject) {
        if (memberId != null) return "member:" + memberId;
        return subject == null ? null : "subject:" + subject;
    }

    /** The organizer invited this person knowing they are also invited to {@code otherSession} at an overlapping time. */
    public void overlapConfirmed(UUID otherSession) {
        overlapConfirmedWith = otherSession;
    }

    public void answer(Rsvp answer, String note) {
        rsvp = answer;
        rsvpNote = note;
        rsvpAt = now();
    }

    /** Checking in twice keeps the first time: the record says when the person arrived. */
    public boolean checkIn(CheckedInBy by) {
        if (checkedInAt != null) return false;
        checkedInAt = now();
        checkedInBy = by;
        return true;
    }

    public boolean present() {
        return checkedInAt != null;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public UUID id() { return id; }
    public UUID sessionId() { return sessionId; }
    public ParticipantRole role() { return role; }
    public String name() { return name; }
    public UUID memberId() { return memberId; }
    public String unitCode() { return unitCode; }
    public String subject() { return subject; }
    public String affiliation() { return affiliation; }
    public String personKey() { return personKey; }
    public Rsvp rsvp() { return rsvp; }
    public String rsvpNote() { return rsvpNote; }
    public Instant rsvpAt() { return rsvpAt; }
    public Instant checkedInAt() { return checkedInAt; }
    public CheckedInBy checkedInBy() { return checkedInBy; }
    public String invitedBy() { return invitedBy; }
    public Instant invitedAt() { return invitedAt; }
    public UUID overlapConfirmedWith() { return overlapConfirmedWith; }
}
