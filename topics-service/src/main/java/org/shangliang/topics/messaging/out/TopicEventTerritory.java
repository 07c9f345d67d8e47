package org.shangliang.topics.messaging.out;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.shangliang.commons.events.DomainEvent;
import org.shangliang.commons.events.EventTerritory;
import org.shangliang.topics.domain.Topic;

/** A topic's event belongs to the topic's territory (after an escalation, the new one); a territory's record to itself. */
@ApplicationScoped
public class TopicEventTerritory implements EventTerritory {

    @Inject EntityManager em;

    @Override
    public String of(DomainEvent event) {
        return switch (event.aggregateType()) {
            // The topic is in the persistence context of the transaction that publishes: no query.
            case "Topic" -> {
                Topic t = em.find(Topic.class, UUID.fromString(event.aggregateId()));
                yield t == null ? null : t.territoryCode();
            }
            case "Territory" -> event.aggregateId().substring("territory:".length());
            default -> null; // units, members, service teams: county-wide reference data
        };
    }
}
