package org.shangliang.followup.messaging.out;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.shangliang.commons.events.DomainEvent;
import org.shangliang.commons.events.EventTerritory;
import org.shangliang.followup.domain.HandlingCase;

/** A case's events belong to the territory of the topic it follows. */
@ApplicationScoped
public class CaseEventTerritory implements EventTerritory {

    @Inject EntityManager em;

    @Override
    public String of(DomainEvent event) {
        if (!"Case".equals(event.aggregateType())) return null;
        // The case is in the persistence context of the transaction that publishes: no query.
        HandlingCase c = em.find(HandlingCase.class, UUID.fromString(event.aggregateId()));
        return c == null ? null : c.territoryCode();
    }
}
