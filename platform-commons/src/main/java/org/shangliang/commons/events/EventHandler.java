package org.shangliang.commons.events;

/**
 * A service's handler of incoming events. Implementations are {@code @Transactional}: check the
 * {@link Inbox}, dispatch on {@link IncomingEvent#type()}, and let the inbox row and the effect
 * commit together. The consumer commits the Kafka offset only after this returns, and calls it
 * only for events its {@link #subscriptions()} trust.
 */
public interface EventHandler {

    /** The streams, publishers and event types this handler takes; everything else never reaches {@link #on}. */
    Subscriptions subscriptions();

    void on(IncomingEvent event);
}
