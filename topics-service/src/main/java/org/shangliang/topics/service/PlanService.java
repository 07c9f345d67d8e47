package org.shangliang.topics.service;

import static org.shangliang.commons.security.Roles.CPPCC_STAFF;
import static org.shangliang.commons.security.Roles.LEADER;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.shangliang.commons.audit.Audit;
import org.shangliang.commons.events.Outbox;
import org.shangliang.commons.http.Cursor;
import org.shangliang.commons.http.PageView;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Preconditions;
import org.shangliang.commons.problem.Text;
import org.shangliang.commons.security.Access;
import org.shangliang.commons.security.Caller;
import org.shangliang.topics.api.Plans.AmendmentView;
import org.shangliang.topics.api.Plans.NewPlan;
import org.shangliang.topics.api.Plans.PlanItemRequest;
import org.shangliang.topics.api.Plans.PlanItems;
import org.shangliang.topics.api.Plans.PlanStatistics;
import org.shangliang.topics.api.Plans.PlanView;
import org.shangliang.topics.api.Plans.Share;
import org.shangliang.topics.domain.ConsultationPlan;
import org.shangliang.topics.domain.PlanItem;
import org.shangliang.topics.domain.PlanRepository;
import org.shangliang.topics.domain.PlanStatus;
import org.shangliang.topics.domain.TimelineEntry;
import org.shangliang.topics.domain.TimelineRepository;
import org.shangliang.topics.domain.Topic;
import org.shangliang.topics.domain.TopicRepository;
import org.shangliang.topics.domain.TopicStatus;
import org.shangliang.topics.messaging.out.TopicPlanned;

/**
 * 年度协商计划: the CPPCC office of a county or township drafts the year's plan from accepted
 * topics, a leader approves it, the office publishes it (TopicPlanned for each topic); a published
 * plan changes only by an amendment with a reason, recorded with what it changed.
 */
@ApplicationScoped
public class PlanService {

    /** Topics that may be planned: accepted, or already further along the loop. */
    static final Set<TopicStatus> PLANNABLE = Set.of(TopicStatus.ACCEPTED, TopicStatus.SCHEDULED, TopicStatus.DELIBERATED, TopicStatus.IN_FOLLOW_UP, TopicStatus.CONCLUDED);

    @Inject PlanRepository plans;
    @Inject TopicRepository topics;
    @Inject TimelineRepository timeline;
    @Inject DirectoryService directory;
    @Inject Outbox outbox;
    @Inject Audit audit;

    @Transactional
    public PlanView create(NewPlan request, Caller caller) {
        requireOffice(request.territoryCode(), caller);
        directory.usableTerritory("territoryCode", request.territoryCode());
        if (plans.of(request.year(), request.territoryCode()).isPresent()) {
            throw ApiException.conflict(Text.of(request.territoryCode() + " 已有 " + request.year() + " 年度协商计划",
                    request.territoryCode() + " already has a plan for " + request.year()));
        }
        ConsultationPlan plan = ConsultationPlan.create(request.year(), request.territoryCode(), request.title().strip(), caller.subject());
        plans.persist(plan);
        plans.flush();
        audit.record(caller, "plan.create", "Plan", plan.id(), plan.year() + " " + plan.territoryCode());
        return view(plan);
    }

    public PlanView get(UUID id, Caller caller) {
        return view(visible(id, caller));
    }

    public PageView<PlanView> list(Integer year, String territory, PlanStatus status, String cursor, int limit, Caller caller) {
        String draftsWithin = caller.isAny(CPPCC_STAFF, LEADER) ? caller.territory() : null;
        List<ConsultationPlan> rows = plans.page(year, territory, status, draftsWithin, Cursor.decode(cursor), limit);
        return PageView.of(rows, limit, this::view, p -> new Cursor(p.createdAt(), p.id()));
    }

    /**
     * The plan's topics, all of them, in order: a draft's freely; a published plan's only with an
     * amendment reason, recorded with what changed, and TopicPlanned for every topic added, moved
     * or taken out.
     */
    @Transactional
    public PlanView replaceItems(UUID id, String ifMatch, PlanItems request, Caller caller) {
        ConsultationPlan plan = visible(id, caller);
        requireOffice(plan.territoryCode(), caller);
        Preconditions.requireIfMatch(ifMatch, plan.version());
        boolean amendment = plan.changesByAmendment();
        String reason = request.amendmentReason() == null ? null : request.amendmentReason().strip();
        if (amendment && (reason == null || reason.isEmpty())) {
            throw ApiException.badRequest("amendmentReason", Text.of("计划已发布，只能以修订方式变更：请写明修订理由",
                    "The plan is published: it changes only by an amendment, with a reason"));
        }
        Map<UUID, Topic> byId = plannable(plan, request.items());
        List<PlanItem> next = new ArrayList<>();
        for (PlanItemRequest i : request.items()) {
            next.add(new PlanItem(i.topicId(), next.size() + 1, i.quarter(), i.form(), i.note() == null ? null : i.note().strip()));
        }
        List<PlanItem> before = plan.items();
        plan.replaceItems(next, amendment);
        plans.flush();
        if (amendment) {
            Instant now = plan.updatedAt();
            Map<UUID, PlanItem> old = before.stream().collect(Collectors.toMap(PlanItem::topicId, Function.identity()));
            Map<UUID, Topic> all = new LinkedHashMap<>(byId);
            all.putAll(topicsOf(before));
            // What changed, worked out first: the amendment's number goes on every event.
            List<PlanItem> changed = new ArrayList<>();
            List<String> changes = new ArrayList<>();
            for (PlanItem item : next) {
                PlanItem was = old.remove(item.topicId());
                if (was != null && was.sameAs(item)) continue;
                changed.add(item);
                changes.add((was == null ? "新增 " : "调整 ") + all.get(item.topicId()).number() + where(item));
            }
            for (PlanItem gone : old.values()) changes.add("移出 " + all.get(gone.topicId()).number());
            if (changes.isEmpty()) throw ApiException.unprocessable("items", Text.of("修订没有改变任何内容", "The amendment changes nothing"));
            var recorded = plans.amend(plan.id(), reason, String.join("；", changes), caller.subject(), caller.name(), now);
            for (PlanItem item : changed) planned(plan, item, all.get(item.topicId()), recorded.number(), now);
            for (PlanItem gone : old.values()) {
                Topic t = all.get(gone.topicId());
                outbox.publish(TopicPlanned.out(plan, t, recorded.number(), now));
                timeline.persist(new TimelineEntry(t.id(), now, "UNPLANNED", plan.year() + " 年度协商计划修订：移出（" + reason + "）", TopicService.SERVICE, plan.id(), null));
            }
            audit.record(caller, "plan.amend", "Plan", plan.id(), "修订 " + recorded.number() + "：" + reason);
        } else {
            audit.record(caller, "plan.items", "Plan", plan.id(), next.size() + " 个议题");
        }
        return view(plan);
    }

    @Transactional
    public PlanView approve(UUID id, String ifMatch, Caller caller) {
        ConsultationPlan plan = visible(id, caller);
        if (!caller.is(LEADER) || !caller.covers(plan.territoryCode())) {
            throw Access.forbidden(Text.of("只有本级领导可以审定协商计划", "Only a leader of the plan's territory approves it"));
        }
        Preconditions.requireIfMatch(ifMatch, plan.version());
        if (plan.status() == PlanStatus.DRAFT && plan.items().isEmpty()) {
            throw ApiException.unprocessable("items", Text.of("计划中还没有议题", "The plan has no topics yet"));
        }
        plan.approve(caller.subject());
        return recorded(plan, caller, "plan.approve");
    }

    @Transactional
    public PlanView reopen(UUID id, String ifMatch, Caller caller) {
        ConsultationPlan plan = visible(id, caller);
        requireOffice(plan.territoryCode(), caller);
        Preconditions.requireIfMatch(ifMatch, plan.version());
        plan.reopen();
        return recorded(plan, caller, "plan.reopen");
    }

    /** 发布: every topic of the plan learns it is planned (TopicPlanned, a PLANNED timeline entry). */
    @Transactional
    public PlanView publish(UUID id, String ifMatch, Caller caller) {
        ConsultationPlan plan = visible(id, caller);
        requireOffice(plan.territoryCode(), caller);
        Preconditions.requireIfMatch(ifMatch, plan.version());
        plan.publish();
        Map<UUID, Topic> byId = topicsOf(plan.items());
        for (PlanItem item : plan.items()) planned(plan, item, byId.get(item.topicId()), null, plan.publishedAt());
        return recorded(plan, caller, "plan.publish");
    }

    public List<AmendmentView> amendments(UUID id, Caller caller) {
        return plans.amendments(visible(id, caller).id()).stream().map(AmendmentView::of).toList();
    }

    /**
     * Counts and shares of the plan's topics by theme, channel, level and township, and the share
     * of one chosen theme (the 2020 county plan: 22 of 34 on the demonstration zone, 65 %).
     */
    public PlanStatistics statistics(UUID id, String theme, Caller caller) {
        ConsultationPlan plan = visible(id, caller);
        List<Topic> planned = new ArrayList<>(topicsOf(plan.items()).values());
        int total = planned.size();
        Map<String, Integer> themes = new TreeMap<>();
        Map<String, Integer> channels = new TreeMap<>();
        Map<String, Integer> levels = new TreeMap<>();
        Map<String, Integer> townships = new TreeMap<>();
        for (Topic t : planned) {
            for (String th : new HashSet<>(t.themes())) themes.merge(th, 1, Integer::sum);
            channels.merge(t.channel().name(), 1, Integer::sum);
            levels.merge(t.level().name(), 1, Integer::sum);
            String code = t.territoryCode();
            townships.merge(code.length() >= 9 && code.chars().allMatch(Character::isDigit) ? code.substring(0, 9) : code, 1, Integer::sum);
        }
        Share chosen = theme == null ? null : Share.of(theme, themes.getOrDefault(theme, 0), total);
        return new PlanStatistics(plan.id(), total, shares(themes, total), shares(channels, total), shares(levels, total), shares(townships, total), chosen);
    }

    private static List<Share> shares(Map<String, Integer> counts, int total) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> Share.of(e.getKey(), e.getValue(), total)).toList();
    }

    private void planned(ConsultationPlan plan, PlanItem item, Topic topic, Integer amendment, Instant at) {
        outbox.publish(TopicPlanned.in(plan, item, topic, amendment, at));
        timeline.persist(new TimelineEntry(topic.id(), at, "PLANNED", "列入 " + plan.year() + " 年度协商计划" + where(item), TopicService.SERVICE, plan.id(), null));
    }

    private static String where(PlanItem item) {
        List<String> parts = new ArrayList<>();
        parts.add("第 " + item.position() + " 项");
        if (item.quarter() != null) parts.add("第 " + item.quarter() + " 季度");
        if (item.form() != null) parts.add(item.form().name());
        return "（" + String.join("，", parts) + "）";
    }

    /** The requested topics, each once, accepted or further, inside the plan's territory; 400/422 naming the item otherwise. */
    private Map<UUID, Topic> plannable(ConsultationPlan plan, List<PlanItemRequest> items) {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (!seen.add(items.get(i).topicId())) {
                throw ApiException.badRequest("items[" + i + "].topicId", Text.of("议题在计划中出现了两次", "The topic is in the plan twice"));
            }
        }
        Map<UUID, Topic> byId = seen.isEmpty() ? Map.of() : topics.list("id in ?1", List.copyOf(seen)).stream()
                .collect(Collectors.toMap(Topic::id, Function.identity()));
        for (int i = 0; i < items.size(); i++) {
            UUID topicId = items.get(i).topicId();
            Topic t = byId.get(topicId);
            String field = "items[" + i + "].topicId";
            if (t == null || !t.territoryCode().startsWith(plan.territoryCode())) {
                throw ApiException.unprocessable(field, Text.of("议题 " + topicId + " 不存在或不在 " + plan.territoryCode() + " 辖区内",
                        "Topic " + topicId + " does not exist or lies outside " + plan.territoryCode()));
            }
            if (!PLANNABLE.contains(t.status())) {
                throw ApiException.unprocessable(field, Text.of("议题 " + t.number() + " 状态为 " + t.status() + "，只有已立项的议题可以列入计划",
                        "Topic " + t.number() + " is " + t.status() + "; only accepted topics are planned"));
            }
        }
        return byId;
    }

    private Map<UUID, Topic> topicsOf(List<PlanItem> items) {
        if (items.isEmpty()) return Map.of();
        return topics.list("id in ?1", items.stream().map(PlanItem::topicId).toList()).stream()
                .collect(Collectors.toMap(Topic::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    private PlanView recorded(ConsultationPlan plan, Caller caller, String action) {
        plans.flush(); // the view carries the version this change produced
        audit.record(caller, action, "Plan", plan.id(), plan.year() + " " + plan.territoryCode());
        return view(plan);
    }

    private PlanView view(ConsultationPlan plan) {
        return PlanView.of(plan, topicsOf(plan.items()));
    }

    /** A published plan is everyone's; a draft or approved one is its office's and its leaders'. Otherwise 404. */
    private ConsultationPlan visible(UUID id, Caller caller) {
        return plans.findByIdOptional(id)
                .filter(p -> p.status() == PlanStatus.PUBLISHED || (caller.isAny(CPPCC_STAFF, LEADER) && caller.covers(p.territoryCode())))
                .orElseThrow(() -> ApiException.notFound(Text.of("没有编号为 " + id + " 的协商计划", "No plan with id " + id)));
    }

    private static void requireOffice(String territory, Caller caller) {
        if (!caller.is(CPPCC_STAFF) || !caller.covers(territory)) {
            throw Access.forbidden(Text.of("只有本级政协机关可以编制协商计划", "Only the CPPCC office of the territory drafts its plan"));
        }
    }
}
