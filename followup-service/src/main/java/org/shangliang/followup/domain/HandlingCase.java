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
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Text;

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
    @Enumerated(EnumType.STRING)
    @Column(name = "handling_mode")
    private HandlingMode handlingMode = HandlingMode.SOLE;
    /** A deadline in working days from sign-for, instead of a date (the date is set when it is signed for). */
    @Column(name = "working_days")
    private Integer workingDays;
    @Column(name = "return_reason")
    private String returnReason;
    @Column(name = "progress_percent")
    private int progressPercent;
    private String reply;
    @Enumerated(EnumType.STRING)
    @Column(name = "resolution_degree")
    private ResolutionDegree resolutionDegree;
    @Column(name = "replied_at")
    private Instant repliedAt;
    @Column(name = "replied_by")
    private String repliedBy;
    @Column(name = "sent_back_reason")
    private String sentBackReason;
    @Column(name = "approved_at")
    private Instant approvedAt;
    /** 重办 so far; each opens a new round of evaluation. */
    @Column(name = "redo_count")
    private int redoCount;
    @Enumerated(EnumType.STRING)
    private Satisfaction satisfaction;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "closing_note")
    private String closingNote;
    /** The deadline for which the due-soon notice went out: an extension or supervision re-arms it. */
    @Column(name = "due_soon_notified_for")
    private LocalDate dueSoonNotifiedFor;
    @Column(name = "overdue_notified_for")
    private LocalDate overdueNotifiedFor;
    @Column(name = "reminder_count")
    private int reminderCount;
    @Column(name = "last_reminded_at")
    private Instant lastRemindedAt;
    @Column(name = "supervised_by")
    private String supervisedBy;
    @Column(name = "supervisor_name")
    private String supervisorName;
    @Column(name = "supervised_at")
    private Instant supervisedAt;
    @Column(name = "supervision_note")
    private String supervisionNote;
    @Column(name = "supervision_due_date")
    private LocalDate supervisionDueDate;
    /** {@link #deadline()} as stored, for lists that filter on it; kept in step before every write. */
    @Column(name = "deadline")
    private LocalDate deadlineDate;
    @Column(name = "first_replied_at")
    private Instant firstRepliedAt;
    /** Whether the first reply came on or before the deadline then in force (null: no deadline). */
    @Column(name = "replied_on_time")
    private Boolean repliedOnTime;
    /** Where a case opened by hand came from (a meeting outside the platform); null for cases from outcomes. */
    @Column(name = "source_note")
    private String sourceNote;
    /** Who opened it by hand. */
    @Column(name = "opened_by")
    private String openedBy;
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

    /** 手工交办: a case for the outcome of a meeting held outside the platform. */
    public static HandlingCase openByHand(String number, String sourceNote, String content, String leadUnitCode, String leadUnit, LocalDate dueDate,
                                          String territoryCode, String openedBy) {
        HandlingCase c = open(number, UUID.randomUUID(), null, null, null, null, null, content, leadUnitCode, leadUnit, dueDate, territoryCode);
        c.sourceNote = sourceNote;
        c.openedBy = openedBy;
        return c;
    }

    /** How the units share it, and a deadline in working days when the outcome gave one. */
    public HandlingCase handledAs(HandlingMode mode, Integer workingDays) {
        this.handlingMode = mode;
        this.workingDays = workingDays;
        return this;
    }

    /** 签收. A deadline in working days becomes a date now: {@code dueDate} is counted from today by the calendar. */
    public void sign(Instant at, LocalDate dueDate) {
        status = status.next(CaseStatus.Action.SIGN);
        signedAt = at;
        if (workingDays != null) this.dueDate = dueDate;
        touch(at);
    }

    /** 申退: the lead unit says the case is not theirs to handle. */
    public void requestReturn(String reason, Instant at) {
        status = status.next(CaseStatus.Action.REQUEST_RETURN);
        returnReason = reason;
        touch(at);
    }

    /** 改派: staff give the case to another lead unit, which signs for it anew. */
    public void reassign(String unitCode, String unitName, Instant at) {
        status = status.next(CaseStatus.Action.REASSIGN);
        leadUnitCode = unitCode;
        leadUnit = unitName;
        signedAt = null;
        returnReason = null;
        touch(at);
    }

    /** 坚持交办: staff keep the unit; it must sign for the case. */
    public void insist(Instant at) {
        status = status.next(CaseStatus.Action.INSIST);
        touch(at);
    }

    public void reportProgress(int percent, Instant at) {
        status = status.next(CaseStatus.Action.REPORT_PROGRESS);
        progressPercent = Math.max(progressPercent, percent);
        touch(at);
    }

    /** 办复: the lead unit's reply, the case's reply; {@code today} is the county's date of it. */
    public void reply(String text, ResolutionDegree degree, String by, Instant at, LocalDate today) {
        status = status.next(CaseStatus.Action.REPLY);
        if (firstRepliedAt == null) {
            firstRepliedAt = at;
            repliedOnTime = deadline() == null ? null : !today.isAfter(deadline());
        }
        reply = text;
        resolutionDegree = degree;
        repliedAt = at;
        repliedBy = by;
        sentBackReason = null;
        if (degree == ResolutionDegree.A) progressPercent = 100;
        touch(at);
    }

    /** 答复审查通过: the reply goes to the evaluators. */
    public void approveReply(Instant at) {
        status = status.next(CaseStatus.Action.APPROVE_REPLY);
        approvedAt = at;
        touch(at);
    }

    /** 答复退回: the unit works on and replies again. */
    public void sendBack(String reason, Instant at) {
        status = status.next(CaseStatus.Action.SEND_BACK);
        sentBackReason = reason;
        touch(at);
    }

    /** An evaluation may be given now (the state machine's check; the evaluation itself is its own row). */
    public void acceptEvaluation(Instant at) {
        status = status.next(CaseStatus.Action.EVALUATE);
        touch(at);
    }

    /** The current round of evaluation: one more after each redo. */
    public int round() {
        return redoCount + 1;
    }

    /** 重办, at most {@code maxRedos} times. */
    public void redo(int maxRedos, Instant at) {
        if (status.allowed().contains(CaseStatus.Action.REDO) && redoCount >= maxRedos) {
            throw ApiException.conflict(Text.of("该办理件已重办 " + redoCount + " 次，达到上限 " + maxRedos + " 次；请由政协办附说明办结",
                    "The case was redone " + redoCount + " times, the limit of " + maxRedos + "; staff close it with a note"));
        }
        status = status.next(CaseStatus.Action.REDO);
        redoCount++;
        approvedAt = null;
        touch(at);
    }

    public boolean mayRedo(int maxRedos) {
        return redoCount < maxRedos;
    }

    /** 办结, with the deciding evaluation's result (null when staff close it without one). */
    public void close(Satisfaction satisfaction, String note, Instant at) {
        status = status.next(CaseStatus.Action.CLOSE);
        this.satisfaction = satisfaction;
        closingNote = note;
        closedAt = at;
        touch(at);
    }

    /** The deadline in force: the due date, or a leader's tighter one (督办). */
    public LocalDate deadline() {
        if (supervisionDueDate != null && (dueDate == null || supervisionDueDate.isBefore(dueDate))) return supervisionDueDate;
        return dueDate;
    }

    /** Where the case stands against its deadline on {@code today}; the clock runs until the reply. */
    public DeadlineState deadlineState(LocalDate today, int dueSoonDays) {
        LocalDate due = deadline();
        if (due == null || !status.deadlineRuns()) return DeadlineState.NONE;
        if (today.isAfter(due)) return DeadlineState.OVERDUE;
        if (!today.plusDays(dueSoonDays).isBefore(due)) return DeadlineState.DUE_SOON;
        return DeadlineState.ON_TRACK;
    }

    /** The due-soon notice, once per deadline: false if it already went out for this one. */
    public boolean noteDueSoon() {
        if (deadline() == null || deadline().equals(dueSoonNotifiedFor)) return false;
        dueSoonNotifiedFor = deadline();
        return true;
    }

    /** The overdue notice, once per deadline. */
    public boolean noteOverdue() {
        if (deadline() == null || deadline().equals(overdueNotifiedFor)) return false;
        overdueNotifiedFor = deadline();
        return true;
    }

    /** 催办. */
    public void remind(Instant at) {
        reminderCount++;
        lastRemindedAt = at;
        touch(at);
    }

    /** 督办 by a leader, with a note and, if given, a tighter deadline. */
    public void supervise(String by, String name, String note, LocalDate tighterDueDate, Instant at) {
        supervisedBy = by;
        supervisorName = name;
        supervisionNote = note;
        supervisedAt = at;
        if (tighterDueDate != null) supervisionDueDate = tighterDueDate;
        touch(at);
    }

    /** 延期 approved: the due date moves; the notices are armed again for the new one. */
    public void extendTo(LocalDate newDueDate, Instant at) {
        dueDate = newDueDate;
        if (supervisionDueDate != null && !supervisionDueDate.isBefore(newDueDate)) supervisionDueDate = null;
        touch(at);
    }

    @jakarta.persistence.PrePersist
    @jakarta.persistence.PreUpdate
    void keepDeadline() {
        deadlineDate = deadline();
    }

    /** Something on the case changed (a co-handler's part): its version moves, so an If-Match on the old one fails. */
    public void touched(Instant at) {
        touch(at);
    }

    private void touch(Instant at) {
        updatedAt = at;
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
    public HandlingMode handlingMode() { return handlingMode; }
    public Integer workingDays() { return workingDays; }
    public String returnReason() { return returnReason; }
    public int progressPercent() { return progressPercent; }
    public String reply() { return reply; }
    public ResolutionDegree resolutionDegree() { return resolutionDegree; }
    public Instant repliedAt() { return repliedAt; }
    public String repliedBy() { return repliedBy; }
    public String sentBackReason() { return sentBackReason; }
    public Instant approvedAt() { return approvedAt; }
    public int redoCount() { return redoCount; }
    public Satisfaction satisfaction() { return satisfaction; }
    public Instant closedAt() { return closedAt; }
    public String closingNote() { return closingNote; }
    public int reminderCount() { return reminderCount; }
    public Instant lastRemindedAt() { return lastRemindedAt; }
    public String supervisedBy() { return supervisedBy; }
    public String supervisorName() { return supervisorName; }
    public Instant supervisedAt() { return supervisedAt; }
    public String supervisionNote() { return supervisionNote; }
    public LocalDate supervisionDueDate() { return supervisionDueDate; }
    public Instant firstRepliedAt() { return firstRepliedAt; }
    public Boolean repliedOnTime() { return repliedOnTime; }
    public String sourceNote() { return sourceNote; }
    public String openedBy() { return openedBy; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
