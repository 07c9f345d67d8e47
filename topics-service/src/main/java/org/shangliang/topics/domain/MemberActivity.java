package org.shangliang.topics.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * MemberActivity — 双联活动记录: one of the five things (五个一) a member did on a grid service day,
 * with the grid and township they were linked to then, so a later change of grid does not move
 * old records.
 */
@Entity
@Table(name = "member_activity")
public class MemberActivity {

    @Id
    private UUID id;
    @Column(name = "member_id")
    private UUID memberId;
    private String month;
    @Enumerated(EnumType.STRING)
    private ServiceDayItem kind;
    @Column(name = "occurred_on")
    private LocalDate occurredOn;
    @Column(name = "grid_code")
    private String gridCode;
    @Column(name = "township_code")
    private String townshipCode;
    private String summary;
    private Integer quantity;
    @Column(name = "recorded_by")
    private String recordedBy;
    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected MemberActivity() {
    }

    public MemberActivity(Member member, ServiceDayItem kind, LocalDate occurredOn, String summary, Integer quantity, String recordedBy) {
        this.id = UUID.randomUUID();
        this.memberId = member.id();
        this.month = monthOf(occurredOn);
        this.kind = kind;
        this.occurredOn = occurredOn;
        this.gridCode = member.gridCode();
        this.townshipCode = member.gridCode() == null || member.gridCode().length() < 9 ? member.gridCode() : member.gridCode().substring(0, 9);
        this.summary = summary;
        this.quantity = quantity;
        this.recordedBy = recordedBy;
        this.recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** "2026-11" for any day of November 2026. */
    public static String monthOf(LocalDate day) {
        return String.format("%04d-%02d", day.getYear(), day.getMonthValue());
    }

    public UUID id() { return id; }
    public UUID memberId() { return memberId; }
    public String month() { return month; }
    public ServiceDayItem kind() { return kind; }
    public LocalDate occurredOn() { return occurredOn; }
    public String gridCode() { return gridCode; }
    public String townshipCode() { return townshipCode; }
    public String summary() { return summary; }
    public Integer quantity() { return quantity; }
    public String recordedBy() { return recordedBy; }
    public Instant recordedAt() { return recordedAt; }
}
