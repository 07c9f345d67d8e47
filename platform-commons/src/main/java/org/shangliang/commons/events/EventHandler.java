package org.shangliang.commons.events;

/**
 * A service's handler of incoming events. Implementations are {@code @Transactional}: check the
 * {@link Inbox}, dispatch on {@link IncomingEvent#type()}, and let the inbox row and the effect
 * commit together. The consumer commits the Kafka offset only after this returns.
 */
public interface EventHandler {
    void on(IncomingEvent event);
}
