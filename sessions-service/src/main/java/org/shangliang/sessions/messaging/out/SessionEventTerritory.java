package org.shangliang.sessions.messaging.out;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.shangliang.commons.events.DomainEvent;
import org.shangliang.commons.events.EventTerritory;
import org.shangliang.sessions.domain.ConsultationSession;

/** A session's events (its schedule, its outcomes) belong to the territory that holds the session. */
@ApplicationScoped
public class SessionEventTerritory implements EventTerritory {

    @Inject EntityManager em;

    @Override
    public String of(DomainEvent event) {
        if (!"Session".equals(event.aggregateType())) return null;
        // The session is in the persistence context of the transaction that publishes: no query.
        ConsultationSession s = em.find(ConsultationSession.class, UUID.fromString(event.aggregateId()));
        return s == null ? null : s.territoryCode();
    }
}
