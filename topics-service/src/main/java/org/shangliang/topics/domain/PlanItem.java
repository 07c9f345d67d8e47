package org.shangliang.topics.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.UUID;

/** PlanItem — 计划议题: one topic of a plan, where it stands in the order, when and how it is to be consulted. */
@Embeddable
public class PlanItem {

    @Column(name = "topic_id")
    private UUID topicId;
    private int position;
    private Short quarter;
    @Enumerated(EnumType.STRING)
    private ConsultationForm form;
    private String note;

    protected PlanItem() {
    }

    public PlanItem(UUID topicId, int position, Integer quarter, ConsultationForm form, String note) {
        this.topicId = topicId;
        this.position = position;
        this.quarter = quarter == null ? null : quarter.shortValue();
        this.form = form;
        this.note = note;
    }

    public UUID topicId() { return topicId; }
    public int position() { return position; }
    public Integer quarter() { return quarter == null ? null : quarter.intValue(); }
    public ConsultationForm form() { return form; }
    public String note() { return note; }

    /** Same topic, place, quarter, form and note. */
    public boolean sameAs(PlanItem o) {
        return topicId.equals(o.topicId) && position == o.position && java.util.Objects.equals(quarter, o.quarter) && form == o.form
                && java.util.Objects.equals(note, o.note);
    }
}
