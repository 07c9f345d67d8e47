package org.shangliang.sessions.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class CalendarFeedRepository implements PanacheRepositoryBase<CalendarFeed, String> {

    public Optional<CalendarFeed> byTokenHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }

    /** Public sessions of a territory starting after {@code since}, by start time, at most {@code max}. */
    public List<ConsultationSession> publicSessions(String territoryPrefix, Instant since, int max) {
        return getEntityManager().createQuery("select s from ConsultationSession s where s.visibility = :public and s.startsAt >= :since"
                        + " and s.territoryCode like :prefix order by s.startsAt, s.id", ConsultationSession.class)
                .setParameter("public", Visibility.PUBLIC).setParameter("since", since).setParameter("prefix", territoryPrefix + "%")
                .setMaxResults(max).getResultList();
    }

    /** The sessions a person is invited to (whatever their visibility) starting after {@code since}. */
    public List<ConsultationSession> sessionsOf(String subject, Instant since, int max) {
        return getEntityManager().createQuery("select s from ConsultationSession s where s.startsAt >= :since"
                        + " and s.id in (select p.sessionId from Participant p where p.subject = :subject) order by s.startsAt, s.id", ConsultationSession.class)
                .setParameter("since", since).setParameter("subject", subject).setMaxResults(max).getResultList();
    }
}
