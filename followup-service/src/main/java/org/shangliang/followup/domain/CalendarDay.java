package org.shangliang.followup.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Column;
import java.time.Instant;
import java.time.LocalDate;

/** CalendarDay — 节假日与调休: a day that differs from "Monday to Friday work, the weekend rests". */
@Entity
@Table(name = "calendar_day")
public class CalendarDay {

    /** HOLIDAY: a weekday off (放假); WORKDAY: a weekend day worked (调休上班). */
    public enum Kind { HOLIDAY, WORKDAY }

    @Id
    private LocalDate day;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String name;
    private String source;
    @Column(name = "updated_by")
    private String updatedBy;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected CalendarDay() {
    }

    public CalendarDay(LocalDate day) {
        this.day = day;
    }

    public void set(Kind kind, String name, String source, String by, Instant at) {
        this.kind = kind;
        this.name = name;
        this.source = source;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public LocalDate day() { return day; }
    public Kind kind() { return kind; }
    public String name() { return name; }
    public String source() { return source; }
    public String updatedBy() { return updatedBy; }
    public Instant updatedAt() { return updatedAt; }
}
