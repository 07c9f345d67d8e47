package org.shangliang.followup.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * Evaluation — 评价: one person's view of a case's reply, in one round (a redo opens the next).
 * Attitude (办理态度) and result (办理结果) are rated apart; the result decides.
 */
@Entity
@Immutable
@Table(name = "evaluation")
public class Evaluation {

    @Id
    private UUID id;
    @Column(name = "case_id")
    private UUID caseId;
    private int round;
    private String subject;
    @Enumerated(EnumType.STRING)
    private EvaluatorRole role;
    @Enumerated(EnumType.STRING)
    private Satisfaction attitude;
    @Enumerated(EnumType.STRING)
    private Satisfaction result;
    private String comment;
    @Column(name = "evaluated_at")
    private Instant evaluatedAt;

    protected Evaluation() {
    }

    public Evaluation(UUID caseId, int round, String subject, EvaluatorRole role, Satisfaction attitude, Satisfaction result, String comment, Instant at) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.round = round;
        this.subject = subject;
        this.role = role;
        this.attitude = attitude;
        this.result = result;
        this.comment = comment;
        this.evaluatedAt = at;
    }

    /** The proposer's evaluation settles the round: satisfied closes, 不满意 asks for a redo. */
    public boolean decides() {
        return role == EvaluatorRole.PROPOSER;
    }

    public UUID id() { return id; }
    public UUID caseId() { return caseId; }
    public int round() { return round; }
    public String subject() { return subject; }
    public EvaluatorRole role() { return role; }
    public Satisfaction attitude() { return attitude; }
    public Satisfaction result() { return result; }
    public String comment() { return comment; }
    public Instant evaluatedAt() { return evaluatedAt; }
}
