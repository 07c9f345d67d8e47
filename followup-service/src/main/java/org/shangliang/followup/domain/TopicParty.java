package org.shangliang.followup.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * TopicParty — 提案人与联名人: who proposed and co-signed a topic, from TopicAccepted. They read
 * the cases of their topic and evaluate them.
 */
@Entity
@Immutable
@Table(name = "topic_party")
public class TopicParty {

    @Id
    private UUID id;
    @Column(name = "topic_id")
    private UUID topicId;
    private String subject;
    @Enumerated(EnumType.STRING)
    private EvaluatorRole role;

    protected TopicParty() {
    }

    public UUID topicId() { return topicId; }
    public String subject() { return subject; }
    public EvaluatorRole role() { return role; }
}
