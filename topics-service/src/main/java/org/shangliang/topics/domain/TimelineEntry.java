package org.shangliang.topics.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * TimelineEntry — 议题时间线条目: one step of a topic's life, from this service or reported by
 * sessions-service and followup-service, so the whole loop shows in one place.
 */
@Entity
@Table(name = "topic_timeline")
public class TimelineEntry {

    @Id
    private UUID id;
    @Column(name = "topic_id")
    private UUID topicId;
    private Instant at;
    private String kind;
    private String summary;
    private String service;
    @Column(name = "ref_id")
    private UUID refId;
    @Column(name = "event_id")
    private String eventId;
    /** Written by the database: the order of entries that share a time. */
    @Column(insertable = false, updatable = false)
    private Long seq;

    protected TimelineEntry() {
    }

    public TimelineEntry(UUID topicId, Instant at, String kind, String summary, String service, UUID refId, String eventId) {
        this.id = UUID.randomUUID();
        this.topicId = topicId;
        this.at = at;
        this.kind = kind;
        this.summary = summary;
        this.service = service;
        this.refId = refId;
        this.eventId = eventId;
    }

    public UUID id() { return id; }
    public UUID topicId() { return topicId; }
    public Instant at() { return at; }
    public String kind() { return kind; }
    public String summary() { return summary; }
    public String service() { return service; }
    public UUID refId() { return refId; }
}
