package org.shangliang.sessions.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ParticipantRepository implements PanacheRepositoryBase<Participant, UUID> {

    /** In the order they were invited. */
    public List<Participant> of(UUID sessionId) {
        return list("sessionId", Sort.ascending("invitedAt", "id"), sessionId);
    }

    public Optional<Participant> bySubject(UUID sessionId, String subject) {
        return find("sessionId = ?1 and subject = ?2", sessionId, subject).firstResultOptional();
    }

    public boolean invited(UUID sessionId, String personKey) {
        return count("sessionId = ?1 and personKey = ?2", sessionId, personKey) > 0;
    }

    /**
     * Another session, still to be held or being held, whose time overlaps {@code [startsAt, endsAt)}
     * and to which this person is invited and has not declined.
     */
    public Optional<ConsultationSession> overlapping(String personKey, UUID exceptSessionId, Instant startsAt, Instant endsAt) {
        return getEntityManager().createQuery("""
                        select s from ConsultationSession s, Participant p
                        where p.sessionId = s.id and p.personKey = :key and s.id <> :except and p.rsvp <> :declined
                          and s.status in :open and s.startsAt < :endsAt and s.endsAt > :startsAt
                        order by s.startsAt""", ConsultationSession.class)
                .setParameter("key", personKey).setParameter("except", exceptSessionId)
                .setParameter("declined", Participant.Rsvp.DECLINED)
                .setParameter("open", List.of(SessionStatus.SCHEDULED, SessionStatus.IN_PROGRESS))
                .setParameter("startsAt", startsAt).setParameter("endsAt", endsAt)
                .setMaxResults(1).getResultStream().findFirst();
    }

    /** Serializes invitations of one person, so two organizers cannot double-book them at the same moment. */
    public void lockPerson(String personKey) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, personKey).getSingleResult();
    }

    /** The participants of several sessions, in one statement. */
    public List<Participant> ofSessions(java.util.Collection<UUID> sessionIds) {
        return sessionIds.isEmpty() ? List.of() : list("sessionId in ?1", sessionIds);
    }
}
