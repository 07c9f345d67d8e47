package org.shangliang.topics.messaging.out;

import java.time.Instant;
import java.util.UUID;
import org.shangliang.commons.events.DomainEvent;
import org.shangliang.topics.domain.ConsultationForm;
import org.shangliang.topics.domain.ConsultationPlan;
import org.shangliang.topics.domain.PlanItem;
import org.shangliang.topics.domain.Topic;

/**
 * TopicPlanned — 议题列入年度协商计划: published for each topic of a plan when the plan is published,
 * and for each topic an amendment adds, moves or takes out ({@code inPlan} false).
 */
public record TopicPlanned(UUID topicId, String number, UUID planId, int year, String planTerritoryCode, boolean inPlan, Integer position,
                           Integer quarter, ConsultationForm form, Integer amendment, Instant plannedAt) implements DomainEvent {

    public static TopicPlanned in(ConsultationPlan plan, PlanItem item, Topic topic, Integer amendment, Instant at) {
        return new TopicPlanned(topic.id(), topic.number(), plan.id(), plan.year(), plan.territoryCode(), true, item.position(), item.quarter(),
                item.form(), amendment, at);
    }

    public static TopicPlanned out(ConsultationPlan plan, Topic topic, int amendment, Instant at) {
        return new TopicPlanned(topic.id(), topic.number(), plan.id(), plan.year(), plan.territoryCode(), false, null, null, null, amendment, at);
    }

    @Override public String eventType() { return "TopicPlanned"; }
    @Override public String aggregateType() { return "Topic"; }
    @Override public String aggregateId() { return topicId.toString(); }
}
