package org.shangliang.topics.messaging.out;

import java.time.Instant;
import java.util.UUID;
import org.shangliang.commons.events.DomainEvent;
import org.shangliang.topics.domain.Member;

/**
 * MemberRecorded — 委员名录变更: a CPPCC member's current state on the compacted directory stream
 * (key {@code member:<id>}). No phone number: other services need the name, sector, grid and login.
 */
public record MemberRecorded(UUID memberId, String name, String sector, String gridCode, String subject,
                             boolean retired, long version, Instant recordedAt) implements DomainEvent {

    public static MemberRecorded of(Member m) {
        return new MemberRecorded(m.id(), m.name(), m.sector(), m.gridCode(), m.subject(), m.retired(), m.version(), m.updatedAt());
    }

    @Override public String eventType() { return "MemberRecorded"; }
    @Override public String aggregateType() { return "Member"; }
    @Override public String aggregateId() { return "member:" + memberId; }
    @Override public String stream() { return DirectoryStream.NAME; }
}
