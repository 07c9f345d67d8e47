package org.shangliang.topics.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.shangliang.commons.audit.Audit;
import org.shangliang.commons.events.Outbox;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Preconditions;
import org.shangliang.commons.problem.Text;
import org.shangliang.commons.security.Access;
import org.shangliang.commons.security.Caller;
import org.shangliang.commons.security.Roles;
import org.shangliang.topics.api.Escalation.HopView;
import org.shangliang.topics.config.TopicsConfig;
import org.shangliang.topics.domain.Level;
import org.shangliang.topics.domain.TerritoryKind;
import org.shangliang.topics.domain.TimelineEntry;
import org.shangliang.topics.domain.TimelineRepository;
import org.shangliang.topics.domain.Topic;
import org.shangliang.topics.domain.TopicAccess;
import org.shangliang.topics.domain.TopicHopRepository;
import org.shangliang.topics.domain.TopicHopRepository.Direction;
import org.shangliang.topics.domain.TopicHopRepository.HopStatus;
import org.shangliang.topics.domain.TopicHopRepository.TopicHop;
import org.shangliang.topics.domain.TopicRepository;
import org.shangliang.topics.messaging.out.TopicEscalated;
import org.shangliang.topics.messaging.out.TopicEscalationAccepted;
import org.shangliang.topics.messaging.out.TopicEscalationReturned;

/**
 * 上报 / 下转: the screeners of a topic's territory send it up to a territory above or down to one
 * inside; the receiving level's screeners take it (it then belongs to that territory and level and
 * waits for screening there) or return it with a reason, within a number of working days. Every
 * hop is kept; the level that accepts the topic in the end is recorded on it.
 */
@ApplicationScoped
public class EscalationService {

    static final ZoneId COUNTY_TIME = ZoneId.of("Asia/Shanghai");

    @Inject TopicRepository topics;
    @Inject TopicHopRepository hops;
    @Inject TimelineRepository timeline;
    @Inject DirectoryService directory;
    @Inject Outbox outbox;
    @Inject Audit audit;
    @Inject TopicsConfig config;

    @Transactional
    public HopView send(UUID id, String ifMatch, String toTerritory, String reason, Caller caller) {
        Topic topic = topics.visible(id, caller);
        if (!TopicAccess.canScreen(topic, caller)) {
            throw Access.forbidden(Text.of("只有本辖区的组织者或县政协机关可以上报或下转议题", "Only organizers and CPPCC staff of the topic's territory send it to another level"));
        }
        Preconditions.requireIfMatch(ifMatch, topic.version());
        String from = topic.territoryCode();
        boolean up = from.startsWith(toTerritory) && !from.equals(toTerritory);
        boolean down = toTerritory.startsWith(from) && !from.equals(toTerritory);
        if (!up && !down) {
            throw ApiException.unprocessable("toTerritory", Text.of("只能上报到上级区域或下转到下级区域：" + toTerritory + " 与 " + from + " 不在同一条上下级线上",
                    "A topic goes up to a territory above its own or down to one inside it: " + toTerritory + " is neither for " + from));
        }
        directory.usableTerritory("toTerritory", toTerritory);
        Level toLevel = levelOf(toTerritory);
        if (toLevel == topic.level()) {
            throw ApiException.unprocessable("toTerritory", Text.of(toTerritory + " 与议题同属 " + toLevel + " 层级", toTerritory + " is at the topic's own level " + toLevel));
        }
        topic.sendTo(toTerritory, up);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        TopicHop hop = new TopicHop(UUID.randomUUID(), id, up ? Direction.UP : Direction.DOWN, from, topic.level(), toTerritory, toLevel,
                reason.strip(), HopStatus.PENDING, workingDaysAfter(today(), config.escalationAnswerWorkingDays()), caller.subject(), now,
                null, null, null);
        hops.add(hop);
        String name = directory.territory(toTerritory).name();
        timeline.persist(new TimelineEntry(id, now, up ? "ESCALATED" : "HANDED_DOWN",
                (up ? "上报至 " : "下转至 ") + name + "（" + toTerritory + "）：" + hop.reason(), TopicService.SERVICE, hop.id(), null));
        outbox.publish(TopicEscalated.of(topic, hop, null, now));
        audit.record(caller, up ? "topic.escalate" : "topic.hand-down", "Topic", id, from + " → " + toTerritory);
        topics.flush();
        return HopView.of(hop, today());
    }

    @Transactional
    public HopView receive(UUID id, String ifMatch, Caller caller) {
        Topic topic = topics.visible(id, caller);
        TopicHop hop = pendingFor(topic, caller);
        Preconditions.requireIfMatch(ifMatch, topic.version());
        topic.received(hop.toCode(), hop.toLevel());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        hops.answer(hop.id(), HopStatus.ACCEPTED, caller.subject(), now, null);
        timeline.persist(new TimelineEntry(id, now, "ESCALATION_ACCEPTED", "接收方接收，改由 " + hop.toCode() + " 审核", TopicService.SERVICE, hop.id(), null));
        outbox.publish(TopicEscalationAccepted.of(topic, hop, null, now));
        audit.record(caller, "topic.hop.accept", "Topic", id, hop.fromCode() + " → " + hop.toCode());
        topics.flush();
        return HopView.of(answered(hop, HopStatus.ACCEPTED, caller, now, null), today());
    }

    @Transactional
    public HopView returnTopic(UUID id, String ifMatch, String reason, Caller caller) {
        Topic topic = topics.visible(id, caller);
        TopicHop hop = pendingFor(topic, caller);
        Preconditions.requireIfMatch(ifMatch, topic.version());
        topic.returned();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        hops.answer(hop.id(), HopStatus.RETURNED, caller.subject(), now, reason.strip());
        timeline.persist(new TimelineEntry(id, now, "ESCALATION_RETURNED", "接收方退回：" + reason.strip(), TopicService.SERVICE, hop.id(), null));
        outbox.publish(TopicEscalationReturned.of(topic, hop, reason.strip(), now));
        audit.record(caller, "topic.hop.return", "Topic", id, reason.strip());
        topics.flush();
        return HopView.of(answered(hop, HopStatus.RETURNED, caller, now, reason.strip()), today());
    }

    /** The topic's hops, oldest first (a read: no transaction). */
    public List<HopView> history(UUID id, Caller caller) {
        topics.visible(id, caller);
        LocalDate today = today();
        return hops.of(id).stream().map(h -> HopView.of(h, today)).toList();
    }

    /** Pending hops into the caller's territory (or a territory inside it), oldest first: what the receiving level must answer. */
    public List<HopView> inTray(String territory, int limit, Caller caller) {
        String scope = territory == null ? caller.territory() : territory;
        if (!caller.isAny(Roles.ORGANIZER, Roles.CPPCC_STAFF) || !caller.covers(scope)) {
            throw Access.forbidden(Text.of("只有本辖区的组织者或县政协机关可以查看待接收的议题", "Only organizers and CPPCC staff of the territory see what was sent to it"));
        }
        LocalDate today = today();
        return hops.pendingInto(scope, limit).stream().map(h -> HopView.of(h, today)).toList();
    }

    private TopicHop pendingFor(Topic topic, Caller caller) {
        TopicHop hop = hops.pending(topic.id()).orElseThrow(() -> ApiException.illegalTransition(Text.of("议题 " + topic.number() + " 没有待接收的上报或下转（状态 " + topic.status() + "）",
                "Topic " + topic.number() + " has no pending hop to answer (it is " + topic.status() + ")")));
        if (!caller.isAny(Roles.ORGANIZER, Roles.CPPCC_STAFF) || !caller.covers(hop.toCode())) {
            throw Access.forbidden(Text.of("只有接收区域（" + hop.toCode() + "）的组织者或县政协机关可以接收或退回", "Only organizers and CPPCC staff of the receiving territory " + hop.toCode() + " answer it"));
        }
        return hop;
    }

    private static TopicHop answered(TopicHop h, HopStatus status, Caller by, Instant at, String answer) {
        return new TopicHop(h.id(), h.topicId(), h.direction(), h.fromCode(), h.fromLevel(), h.toCode(), h.toLevel(), h.reason(), status,
                h.dueOn(), h.sentBy(), h.sentAt(), by.subject(), at, answer);
    }

    private static Level levelOf(String code) {
        TerritoryKind kind = TerritoryKind.of(code);
        return switch (kind) {
            case COUNTY -> Level.COUNTY;
            case TOWNSHIP -> Level.TOWNSHIP;
            case CROSS_REGION -> Level.CROSS_REGION;
            default -> Level.VILLAGE;
        };
    }

    private static LocalDate today() {
        return LocalDate.now(COUNTY_TIME);
    }

    /** Working days are Monday to Friday here; the holiday calendar comes with follow-up's deadline engine. */
    static LocalDate workingDaysAfter(LocalDate from, int days) {
        LocalDate d = from;
        for (int left = days; left > 0; ) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) left--;
        }
        return d;
    }

}
