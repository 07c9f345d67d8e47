package org.shangliang.topics.messaging.out;

import java.time.Instant;
import java.util.List;
import org.shangliang.commons.events.DomainEvent;
import org.shangliang.topics.domain.Territory;

/**
 * TerritoryRecorded — 区域名录变更: the whole current state of a directory territory, published on
 * the compacted directory stream (key {@code territory:<code>}), so the latest one per key is a
 * complete copy. {@code version} orders them: a copy keeps only a higher version.
 */
public record TerritoryRecorded(String code, String name, String kind, String parentCode, List<String> members,
                                boolean retired, long version, Instant recordedAt) implements DomainEvent {

    public static TerritoryRecorded of(Territory t) {
        return new TerritoryRecorded(t.code(), t.name(), t.kind().name(), t.parentCode(), t.members(), t.retired(), t.version(), t.updatedAt());
    }

    @Override public String eventType() { return "TerritoryRecorded"; }
    @Override public String aggregateType() { return "Territory"; }
    @Override public String aggregateId() { return "territory:" + code; }
    @Override public String stream() { return DirectoryStream.NAME; }
}
