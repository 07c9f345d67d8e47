package org.shangliang.sessions.domain;

/** Who was invited, who declined and who is in the hall: what a quorum is reckoned from. */
public record Attendance(int invited, int declined, int present) {

    public static Attendance of(java.util.Collection<Participant> participants) {
        int declined = 0, present = 0;
        for (Participant p : participants) {
            if (p.rsvp() == Participant.Rsvp.DECLINED) declined++;
            if (p.present()) present++;
        }
        return new Attendance(participants.size(), declined, present);
    }

    /** Those expected: invited and not declined (a person who declined and came anyway is present, not expected). */
    public int expected() {
        return invited - declined;
    }
}
