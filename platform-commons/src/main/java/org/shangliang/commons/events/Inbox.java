package org.shangliang.commons.events;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Inbox (收件箱): the ids of applied events. Recording the id in the transaction that applies the
 * event makes a redelivered event a no-op; two replicas racing on one event serialize on the
 * primary key and the loser sees it as already applied.
 */
@ApplicationScoped
public class Inbox {

    @Inject EntityManager em;
    @Inject MeterRegistry metrics;

    /** True the first time this event id is seen; then records it. Must run in the handler's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(IncomingEvent event) {
        int inserted = em.createNativeQuery("insert into inbox_event (event_id, event_type, source, topic, partition_no, offset_no) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing")
                .setParameter(1, event.id()).setParameter(2, event.type()).setParameter(3, event.source())
                .setParameter(4, event.topic()).setParameter(5, event.partition()).setParameter(6, event.offset())
                .executeUpdate();
        if (inserted == 0) metrics.counter("shangliang.events.duplicates", "type", event.type()).increment();
        return inserted == 1;
    }

    /** Whether this event id was applied already (for an operator's replay of a dead letter). */
    @Transactional
    public boolean seen(String eventId) {
        return ((Number) em.createNativeQuery("select count(*) from inbox_event where event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).intValue() > 0;
    }
}
