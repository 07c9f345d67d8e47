package org.shangliang.topics.messaging.out;

import java.time.Instant;
import java.util.UUID;
import org.shangliang.commons.events.DomainEvent;
import org.shangliang.topics.domain.ServiceTeam;

/** ServiceTeamRecorded — 界别服务组名录变更: a service team's current state on the compacted directory stream (key {@code service-team:<id>}). */
public record ServiceTeamRecorded(UUID teamId, String name, String sector, String townshipCode,
                                  boolean retired, long version, Instant recordedAt) implements DomainEvent {

    public static ServiceTeamRecorded of(ServiceTeam t) {
        return new ServiceTeamRecorded(t.id(), t.name(), t.sector(), t.townshipCode(), t.retired(), t.version(), t.updatedAt());
    }

    @Override public String eventType() { return "ServiceTeamRecorded"; }
    @Override public String aggregateType() { return "ServiceTeam"; }
    @Override public String aggregateId() { return "service-team:" + teamId; }
    @Override public String stream() { return DirectoryStream.NAME; }
}
