package org.shangliang.followup.messaging.out;

import java.util.UUID;
import org.shangliang.commons.events.DomainEvent;

/** An event about one case: keyed by the case's id, so one case's events stay in order; its type is its record's name. */
public interface CaseEvent extends DomainEvent {

    UUID caseId();

    @Override default String eventType() { return getClass().getSimpleName(); }
    @Override default String aggregateType() { return "Case"; }
    @Override default String aggregateId() { return caseId().toString(); }
}
