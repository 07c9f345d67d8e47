package org.shangliang.sessions.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/** AgendaItem — 议程项: one accepted topic on a session's agenda. */
@Entity
@Table(name = "agenda_item")
public class AgendaItem {

    public enum Status { OPEN, DELIBERATED }

    @Id
    private UUID id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "session_id")
    private ConsultationSession session;
    private int position;
    @Column(name = "topic_id")
    private UUID topicId;
    @Column(name = "topic_number")
    private String topicNumber;
    @Column(name = "topic_title")
    private String topicTitle;
    @Enumerated(EnumType.STRING)
    private Status status;

    protected AgendaItem() {
    }

    AgendaItem(ConsultationSession session, int position, ConsultableTopic topic) {
        this.id = UUID.randomUUID();
        this.session = session;
        this.position = position;
        this.topicId = topic.topicId();
        this.topicNumber = topic.number();
        this.topicTitle = topic.title();
        this.status = Status.OPEN;
    }

    void deliberated() {
        status = Status.DELIBERATED;
    }

    public UUID id() { return id; }
    public ConsultationSession session() { return session; }
    public int position() { return position; }
    public UUID topicId() { return topicId; }
    public String topicNumber() { return topicNumber; }
    public String topicTitle() { return topicTitle; }
    public Status status() { return status; }
}
