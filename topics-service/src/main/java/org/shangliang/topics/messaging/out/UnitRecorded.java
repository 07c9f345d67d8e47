package org.shangliang.topics.messaging.out;

import java.time.Instant;
import org.shangliang.commons.events.DomainEvent;
import org.shangliang.topics.domain.Unit;

/** UnitRecorded — 承办单位名录变更: a unit's whole current state, on the compacted directory stream (key {@code unit:<code>}). */
public record UnitRecorded(String code, String name, String territoryCode, boolean retired, long version, Instant recordedAt) implements DomainEvent {

    public static UnitRecorded of(Unit u) {
        return new UnitRecorded(u.code(), u.name(), u.territoryCode(), u.retired(), u.version(), u.updatedAt());
    }

    @Override public String eventType() { return "UnitRecorded"; }
    @Override public String aggregateType() { return "Unit"; }
    @Override public String aggregateId() { return "unit:" + code; }
    @Override public String stream() { return DirectoryStream.NAME; }
}
