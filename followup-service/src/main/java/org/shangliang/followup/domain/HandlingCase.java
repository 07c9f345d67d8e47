package org.shangliang.followup.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * HandlingCase — 办理件: one recommendation of a consultation outcome, assigned to a department
 * (承办单位) and followed until the proposer is satisfied. ("Case" is a Java keyword.)
 */
@Entity
@Table(name = "handling_case")
public class HandlingCase {

    @Id
    private UUID id;
    private String number;
    @Column(name = "recommendation_id")
    private UUID recommendationId;
    @Column(name = "outcome_id")
    private UUID outcomeId;
    @Column(name = "session_id")
    private UUID sessionId;
    @Column(name = "topic_id")
    private UUID topicId;
    @Column(name = "topic_number")
    private String topicNumber;
    @Column(name = "topic_title")
    private String topicTitle;
    private String content;
    /** The lead unit's name as recorded. */
    @Column(name = "lead_unit")
    private String leadUnit;
    /** The lead unit's directory code: what a handler's token names. */
    @Column(name = "lead_unit_code")
    private String leadUnitCode;
    @Column(name = "territory_code")
    private String territoryCode;
    @Column(name = "due_date")
    private LocalDate dueDate;
    @Enumerated(EnumType.STRING)
    private CaseStatus status;
    @Column(name = "signed_at")
    private Instant signedAt;
    @Version
    private long version;
    /** The version of the outcome the case carries (a correction raises it). */
    @Column(name = "outcome_version")
    private int outcomeVersion = 1;
    @Column(name = "withdrawn_reason")
    private String withdrawnReason;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected HandlingCase() {
    }

    public static HandlingCase open(String number, UUID recommendationId, UUID outcomeId, UUID sessionId, UUID topicId,
                                    String topicNumber, String topicTitle, String content, String leadUnitCode, String leadUnit, LocalDate dueDate,
                                    String territoryCode) {
        HandlingCase c = new HandlingCase();
        c.territoryCode = territoryCode;
        c.id = UUID.randomUUID();
        c.number = number;
        c.recommendationId = recommendationId;
        c.outcomeId = outcomeId;
        c.sessionId = sessionId;
        c.topicId = topicId;
        c.topicNumber = topicNumber;
        c.topicTitle = topicTitle;
        c.content = content;
        c.leadUnitCode = leadUnitCode;
        c.leadUnit = leadUnit;
        c.dueDate = dueDate;
        c.status = CaseStatus.ASSIGNED;
        c.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        c.updatedAt = c.createdAt;
        return c;
    }

    /**
     * 更正: the recommendation of version {@code outcomeVersion} as the case now carries it. A new lead
     * unit must sign for it again.
     *
     * @return whether anything the case carries changed
     */
    public boolean correct(UUID outcomeId, int outcomeVersion, String content, String leadUnitCode, String leadUnit, LocalDate dueDate) {
        boolean unitChanged = !java.util.Objects.equals(this.leadUnitCode, leadUnitCode);
        boolean changed = unitChanged || !this.content.equals(content) || !java.util.Objects.equals(this.dueDate, dueDate);
        if (unitChanged) {
            status = status.next(CaseStatus.Action.REASSIGN);
            signedAt = null;
        }
        this.outcomeId = outcomeId;
        this.outcomeVersion = outcomeVersion;
        this.content = content;
        this.leadUnitCode = leadUnitCode;
        this.leadUnit = leadUnit;
        this.dueDate = dueDate;
        updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return changed;
    }

    /** 撤销: a correction withdrew the recommendation. */
    public void withdraw(UUID outcomeId, int outcomeVersion, String reason) {
        status = status.next(CaseStatus.Action.WITHDRAW);
        this.outcomeId = outcomeId;
        this.outcomeVersion = outcomeVersion;
        this.withdrawnReason = reason;
        updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public void sign() {
        status = status.next(CaseStatus.Action.SIGN);
        signedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        updatedAt = signedAt;
    }

    public UUID id() { return id; }
    public int outcomeVersion() { return outcomeVersion; }
    public String withdrawnReason() { return withdrawnReason; }
    public String number() { return number; }
    public UUID recommendationId() { return recommendationId; }
    public UUID outcomeId() { return outcomeId; }
    public UUID sessionId() { return sessionId; }
    public UUID topicId() { return topicId; }
    public String topicNumber() { return topicNumber; }
    public String topicTitle() { return topicTitle; }
    public String content() { return content; }
    public String leadUnit() { return leadUnit; }
    public String leadUnitCode() { return leadUnitCode; }
    public LocalDate dueDate() { return dueDate; }
    public String territoryCode() { return territoryCode; }
    public CaseStatus status() { return status; }
    public Instant signedAt() { return signedAt; }
    public long version() { return version; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
