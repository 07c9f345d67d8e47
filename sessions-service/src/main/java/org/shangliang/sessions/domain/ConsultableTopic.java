package org.shangliang.sessions.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * ConsultableTopic — 可协商议题: this service's copy of a topic accepted in topics-service, kept
 * from TopicAccepted events so scheduling never has to ask topics-service.
 */
@Entity
@Table(name = "consultable_topic")
public class ConsultableTopic {

    @Id
    @Column(name = "topic_id")
    private UUID topicId;
    private String number;
    private String title;
    @Column(name = "territory_code")
    private String territoryCode;
    private String level;
    @Column(name = "accepted_at")
    private Instant acceptedAt;
    @Column(name = "received_at")
    private Instant receivedAt;

    protected ConsultableTopic() {
    }

    public ConsultableTopic(UUID topicId, String number, String title, String territoryCode, String level, Instant acceptedAt, Instant receivedAt) {
        this.topicId = topicId;
        this.number = number;
        this.title = title;
        this.territoryCode = territoryCode;
        this.level = level;
        this.acceptedAt = acceptedAt;
        this.receivedAt = receivedAt;
    }

    public UUID topicId() { return topicId; }
    public String number() { return number; }
    public String title() { return title; }
    public String territoryCode() { return territoryCode; }
    public String level() { return level; }
    public Instant acceptedAt() { return acceptedAt; }
    public Instant receivedAt() { return receivedAt; }
}
