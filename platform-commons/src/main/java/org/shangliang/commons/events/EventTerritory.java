package org.shangliang.commons.events;

/**
 * Where an event happens (事件所属区域): the division code of the aggregate it announces, sent as the
 * {@code ce_territory} CloudEvents extension so that readers outside the publisher (webhook
 * subscriptions filtered by territory) need none of its tables. A service without an
 * implementation publishes no territory.
 */
public interface EventTerritory {

    /** Called inside the transaction that publishes the event; null when the event belongs to no one division. */
    String of(DomainEvent event);

    /**
     * Whether the event concerns something only the staff of its territory see (an internal
     * session), sent as {@code ce_internal: true}: readers outside the publisher pass it on to no one else.
     */
    default boolean internal(DomainEvent event) {
        return false;
    }
}
