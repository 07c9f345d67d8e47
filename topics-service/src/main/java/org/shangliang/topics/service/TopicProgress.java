package org.shangliang.topics.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.shangliang.commons.audit.Audit;
import org.shangliang.commons.events.IncomingEvent;
import org.shangliang.commons.security.Caller;
import org.shangliang.topics.domain.TimelineEntry;
import org.shangliang.topics.domain.TimelineRepository;
import org.shangliang.topics.domain.Topic;
import org.shangliang.topics.domain.TopicRepository;
import org.shangliang.topics.domain.TopicStatus;
import org.shangliang.topics.api.LoopEvents.CaseOpened;
import org.shangliang.topics.domain.TopicCases;
import org.shangliang.topics.api.LoopEvents.CaseSigned;
import org.shangliang.topics.api.LoopEvents.CaseReplied;
import org.shangliang.topics.api.LoopEvents.CaseClosed;
import org.shangliang.topics.api.LoopEvents.CaseWithdrawn;
import org.shangliang.topics.api.LoopEvents.SessionCancelled;
import org.shangliang.topics.api.LoopEvents.SessionConcluded;
import org.shangliang.topics.api.LoopEvents.SessionPostponed;
import org.shangliang.topics.api.LoopEvents.SessionRescheduled;
import org.shangliang.topics.api.LoopEvents.OutcomeCorrected;
import org.shangliang.topics.api.LoopEvents.OutcomeRecorded;
import org.shangliang.topics.api.LoopEvents.SessionScheduled;

/** What the other services report about a topic: moves it forward and writes its timeline. */
@ApplicationScoped
public class TopicProgress {

    private static final Logger LOG = Logger.getLogger(TopicProgress.class);

    @Inject TopicRepository topics;
    @Inject TimelineRepository timeline;
    @Inject Audit audit;

    @Transactional(Transactional.TxType.MANDATORY)
    public void scheduled(SessionScheduled e, IncomingEvent event) {
        // Published again when the agenda is edited: topics no longer on it are given back, new ones scheduled.
        java.util.Set<UUID> onAgenda = new java.util.HashSet<>(e.agenda().stream().map(SessionScheduled.AgendaItem::topicId).toList());
        List<UUID> removed = topics.onSession(e.sessionId()).stream().filter(t -> !onAgenda.contains(t)).toList();
        giveBack(removed, e.sessionId(), event, "AGENDA_REMOVED", "移出协商会议程：" + e.title());
        for (SessionScheduled.AgendaItem item : e.agenda()) {
            if (topics.findById(item.topicId()) != null && !topics.onSession(item.topicId(), e.sessionId())) continue; // already on it: nothing new to show
            record(item.topicId(), TopicStatus.SCHEDULED, event, "SCHEDULED",
                    "列入协商会议程：" + e.title(), e.sessionId());
        }
    }

    /** A cancelled session gives its topics back: each waits for another session unless another already holds it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelled(SessionCancelled e, IncomingEvent event) {
        giveBack(e.topicIds(), e.sessionId(), event, "SESSION_CANCELLED", "协商会取消" + (e.reason() == null ? "" : "：" + abbreviate(e.reason())));
    }

    /** A session that concluded without an outcome for some items gives those topics back, as a cancelled one does. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void concluded(SessionConcluded e, IncomingEvent event) {
        giveBack(e.undeliberatedTopicIds(), e.sessionId(), event, "SESSION_CONCLUDED", "协商会结束，本议题未形成协商意见，待再次协商");
    }

    /** The topic stays SCHEDULED; its timeline says the meeting moved. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void postponed(SessionPostponed e, IncomingEvent event) {
        for (Topic topic : known(e.topicIds(), event)) {
            timelineOnce(topic.id(), event, "SESSION_POSTPONED", "协商会延期" + (e.reason() == null ? "" : "：" + abbreviate(e.reason())), e.sessionId());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void rescheduled(SessionRescheduled e, IncomingEvent event) {
        String at = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(e.startsAt().atZone(ZoneId.of("Asia/Shanghai")));
        for (Topic topic : known(e.agenda().stream().map(SessionScheduled.AgendaItem::topicId).toList(), event)) {
            timelineOnce(topic.id(), event, "SESSION_RESCHEDULED", "协商会改期至 " + at + "（北京时间）", e.sessionId());
        }
    }

    private void giveBack(List<UUID> topicIds, UUID sessionId, IncomingEvent event, String kind, String summary) {
        for (Topic topic : known(topicIds, event)) {
            if (topics.offSession(topic.id(), sessionId) == 0 && topic.unschedule()) {
                audit.record(Caller.system(event.publisher()), event.id(), "topic.progress", "Topic", topic.id(), topic.status().name());
            }
            timelineOnce(topic.id(), event, kind, summary, sessionId);
        }
    }

    /** The topics this service knows of these ids; an unknown one is logged and left out. */
    private List<Topic> known(List<UUID> topicIds, IncomingEvent event) {
        List<Topic> found = new ArrayList<>();
        for (UUID topicId : topicIds) {
            Topic topic = topics.findById(topicId);
            if (topic == null) LOG.warnf("%s names unknown topic %s; ignored", event, topicId);
            else found.add(topic);
        }
        return found;
    }

    /** 更正: the topic's status stays; its timeline says the record was corrected, why, and how much. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void corrected(OutcomeCorrected e, IncomingEvent event) {
        if (topics.findById(e.topicId()) == null) {
            LOG.warnf("%s names unknown topic %s; ignored", event, e.topicId());
            return;
        }
        timelineOnce(e.topicId(), event, "OUTCOME_CORRECTED", "协商意见更正（第" + e.version() + "版，改 " + e.changed().size() + " 条、增 "
                + e.added().size() + " 条、撤 " + e.withdrawn().size() + " 条建议）：" + abbreviate(e.reason()), e.outcomeId());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void deliberated(OutcomeRecorded e, IncomingEvent event) {
        int n = e.recommendations() == null ? 0 : e.recommendations().size();
        record(e.topicId(), TopicStatus.DELIBERATED, event, "DELIBERATED",
                "形成协商意见（" + n + " 条建议）：" + abbreviate(e.consensus()), e.outcomeId());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void caseOpened(CaseOpened e, IncomingEvent event) {
        if (e.topicId() == null) return; // opened by hand for a meeting outside the platform: no topic of ours
        cases.opened(e.topicId(), e.caseId());
        record(e.topicId(), TopicStatus.IN_FOLLOW_UP, event, "CASE_OPENED",
                "交办 " + e.leadUnit() + "：办理件 " + e.number(), e.caseId());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void caseSigned(CaseSigned e, IncomingEvent event) {
        if (e.topicId() == null) return;
        if (topics.findById(e.topicId()) == null) {
            LOG.warnf("%s names unknown topic %s; ignored", event, e.topicId());
            return;
        }
        timelineOnce(e.topicId(), event, "CASE_SIGNED", e.leadUnit() + " 签收办理件 " + e.number(), e.caseId());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void caseReplied(CaseReplied e, IncomingEvent event) {
        caseStep(e.topicId(), event, "CASE_REPLIED", "办理件 " + e.number() + " 办复（" + e.resolutionDegree() + "类）", e.caseId());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void caseClosed(CaseClosed e, IncomingEvent event) {
        String how = e.satisfaction() == null ? "政协办办结" + (e.note() == null ? "" : "：" + e.note()) : "提案人评价" + satisfaction(e.satisfaction());
        caseStep(e.topicId(), event, "CASE_CLOSED", "办理件 " + e.number() + " 办结（" + how + "）", e.caseId());
        ended(e.topicId(), e.caseId(), "CLOSED", event);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void caseWithdrawn(CaseWithdrawn e, IncomingEvent event) {
        caseStep(e.topicId(), event, "CASE_WITHDRAWN", "办理件 " + e.number() + " 因协商意见更正撤销" + (e.reason() == null ? "" : "：" + e.reason()), e.caseId());
        ended(e.topicId(), e.caseId(), "WITHDRAWN", event);
    }

    /** The loop ends for a topic when none of its cases is open and at least one was closed. */
    private void ended(UUID topicId, UUID caseId, String how, IncomingEvent event) {
        if (topicId == null || topics.findById(topicId) == null) return;
        TopicCases.Tally tally = cases.ended(topicId, caseId, how);
        if (tally.open() == 0 && tally.closed() > 0) {
            Topic topic = topics.findById(topicId);
            if (topic.advanceTo(TopicStatus.CONCLUDED)) {
                audit.record(Caller.system(event.publisher()), event.id(), "topic.progress", "Topic", topicId, TopicStatus.CONCLUDED.name());
            }
            timelineOnce(topicId, event, "CONCLUDED", "议题办结：" + tally.closed() + " 件办理件办结"
                    + (tally.withdrawn() > 0 ? "，" + tally.withdrawn() + " 件撤销" : ""), null, "CONCLUDED/" + topicId);
        }
    }

    private void caseStep(UUID topicId, IncomingEvent event, String kind, String summary, UUID caseId) {
        // A case opened by hand for a meeting outside the platform has no topic here.
        if (topicId == null || topics.findById(topicId) == null) {
            LOG.debugf("%s names no topic of ours; nothing to show", event);
            return;
        }
        // A reply may come again (after a redo); a case closes or is withdrawn once.
        if (kind.equals("CASE_REPLIED")) timelineOnce(topicId, event, kind, summary, caseId);
        else timelineOnce(topicId, event, kind, summary, caseId, kind + "/" + caseId + "/" + topicId);
    }

    private static String satisfaction(String s) {
        return switch (s) {
            case "SATISFIED" -> "满意";
            case "BASICALLY_SATISFIED" -> "基本满意";
            default -> "不满意";
        };
    }

    @jakarta.inject.Inject TopicCases cases;

    private void record(UUID topicId, TopicStatus reached, IncomingEvent event, String kind, String summary, UUID refId) {
        Topic topic = topics.findById(topicId);
        if (topic == null) {
            // Not ours (e.g. a session topic from another county's system): nothing to show.
            LOG.warnf("%s names unknown topic %s; ignored", event, topicId);
            return;
        }
        if (topic.advanceTo(reached)) {
            // The actor is the service that owns the stream, as the subscription says, not a header value.
            audit.record(Caller.system(event.publisher()), event.id(), "topic.progress", "Topic", topicId, reached.name());
        }
        timelineOnce(topicId, event, kind, summary, refId);
    }

    private void timelineOnce(UUID topicId, IncomingEvent event, String kind, String summary, UUID refId) {
        // One event may name a topic twice (two agenda items): the event id keeps one entry per event and topic.
        timelineOnce(topicId, event, kind, summary, refId, event.id() + "/" + topicId);
    }

    /** An entry that happens once whatever event reports it (a case closes once, a topic concludes once). */
    private void timelineOnce(UUID topicId, IncomingEvent event, String kind, String summary, UUID refId, String entryId) {
        if (timeline.count("eventId", entryId) == 0) {
            timeline.persist(new TimelineEntry(topicId, event.time(), kind, summary, event.publisher(), refId, entryId));
        }
    }

    private static String abbreviate(String text) {
        if (text == null) return "";
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
