package org.shangliang.commons.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What the outbox needs to know of an event payload. The payload records themselves live in
 * each service's {@code messaging.out} package; only their JSON travels.
 */
public interface DomainEvent {

    /** CloudEvents type, e.g. {@code TopicAccepted}. */
    @JsonIgnore
    String eventType();

    /** e.g. {@code Topic}. */
    @JsonIgnore
    String aggregateType();

    /** Kafka key and CloudEvents subject: one aggregate's events stay in one partition, in order. */
    @JsonIgnore
    String aggregateId();

    /**
     * The stream it goes to: null for the service's own ({@code shangliang.events.stream}); another
     * name only for a stream the service owns besides, listed in {@code shangliang.events.also-publishes}.
     */
    @JsonIgnore
    default String stream() {
        return null;
    }
}
