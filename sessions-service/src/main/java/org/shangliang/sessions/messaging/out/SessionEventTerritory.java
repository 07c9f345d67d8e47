package org.shangliang.sessions.messaging.out;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.shangliang.commons.events.DomainEvent;
import org.shangliang.commons.events.EventTerritory;
import org.shangliang.sessions.domain.ConsultationSession;
import org.shangliang.sessions.domain.Visibility;

/** A session's events (its schedule, its outcomes) belong to the territory that holds the session, and are internal when it is. */
@ApplicationScoped
public class SessionEventTerritory implements EventTerritory {

    @Inject EntityManager em;

    @Override
    public String of(DomainEvent event) {
        ConsultationSession s = session(event);
        return s == null ? null : s.territoryCode();
    }

    /** An internal session's events (its schedule, its outcomes) are for its territory's staff. */
    @Override
    public boolean internal(DomainEvent event) {
        ConsultationSession s = session(event);
        return s != null && s.visibility() == Visibility.INTERNAL;
    }

    private ConsultationSession session(DomainEvent event) {
        if (!"Session".equals(event.aggregateType())) return null;
        // The session is in the persistence context of the transaction that publishes: no query.
        return em.find(ConsultationSession.class, UUID.fromString(event.aggregateId()));
    }
}
