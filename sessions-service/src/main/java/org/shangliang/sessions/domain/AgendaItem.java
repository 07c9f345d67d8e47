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

/** AgendaItem — 议程项: an accepted topic on a session's agenda, or a free item with only a title. */
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
    @Column(name = "planned_minutes")
    private Integer plannedMinutes;
    /** 主报告人 / 汇报人. */
    private String rapporteur;
    /** The topic this item's topic was merged into after it was put on the agenda (并案). */
    @Column(name = "merged_into_topic_id")
    private UUID mergedIntoTopicId;
    @Column(name = "merged_into_number")
    private String mergedIntoNumber;

    protected AgendaItem() {
    }

    /** A free item: no topic, only a title (e.g. 情况通报). */
    AgendaItem(ConsultationSession session, int position, String title) {
        this.id = UUID.randomUUID();
        this.session = session;
        this.position = position;
        this.topicTitle = title;
        this.status = Status.OPEN;
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

    void plan(int position, Integer plannedMinutes, String rapporteur) {
        this.position = position;
        this.plannedMinutes = plannedMinutes;
        this.rapporteur = rapporteur;
    }

    /** A topic item whose topic has an outcome to record; a free item has none. */
    public boolean isTopic() {
        return topicId != null;
    }

    public UUID id() { return id; }
    public ConsultationSession session() { return session; }
    public int position() { return position; }
    public UUID topicId() { return topicId; }
    public String topicNumber() { return topicNumber; }
    public String topicTitle() { return topicTitle; }
    public Status status() { return status; }
    public Integer plannedMinutes() { return plannedMinutes; }
    public String rapporteur() { return rapporteur; }
    public UUID mergedIntoTopicId() { return mergedIntoTopicId; }
    public String mergedIntoNumber() { return mergedIntoNumber; }
}
