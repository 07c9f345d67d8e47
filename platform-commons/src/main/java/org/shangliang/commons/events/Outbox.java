package org.shangliang.commons.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Transactional outbox (事务性发件箱): the event row commits or rolls back with the state change
 * it announces; {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    @Inject EntityManager em;
    @Inject ObjectMapper json;
    @Inject EventsConfig config;
    @Inject EventTracing tracing;
    @Inject Instance<EventTerritory> territories;

    /** @return the event id (ce_id) */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(DomainEvent event) {
        UUID id = UUID.randomUUID();
        String payload;
        try {
            payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.eventType() + " cannot be written as JSON", e);
        }
        // The trace of this transaction goes with the row: the relay publishes it later, on its own thread.
        Map<String, String> trace = tracing.current();
        em.createNativeQuery("insert into outbox_event (id, aggregate_type, aggregate_id, event_type, topic, payload, occurred_at, traceparent, tracestate, territory_code, internal) "
                        + "values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb), ?7, ?8, ?9, ?10, ?11)")
                .setParameter(1, id)
                .setParameter(2, event.aggregateType())
                .setParameter(3, event.aggregateId())
                .setParameter(4, event.eventType())
                .setParameter(5, config.topic(streamOf(event)))
                .setParameter(6, payload)
                .setParameter(7, OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC))
                .setParameter(8, trace.get(EventTracing.TRACEPARENT))
                .setParameter(9, trace.get(EventTracing.TRACESTATE))
                .setParameter(10, territories.isResolvable() ? territories.get().of(event) : null)
                .setParameter(11, territories.isResolvable() && territories.get().internal(event))
                .executeUpdate();
        return id;
    }

    private String streamOf(DomainEvent event) {
        String stream = event.stream();
        if (stream == null || stream.equals(config.stream())) return config.stream();
        if (config.alsoPublishes().orElse(List.of()).contains(stream)) return stream;
        throw new IllegalStateException(event.eventType() + " goes to stream " + stream + ", which this service does not own (shangliang.events.also-publishes)");
    }
}
