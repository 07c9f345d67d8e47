package org.shangliang.topics.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.shangliang.commons.audit.Audit;
import org.shangliang.commons.events.Outbox;
import org.shangliang.commons.http.Cursor;
import org.shangliang.commons.http.RankedCursor;
import org.shangliang.commons.http.PageView;
import org.shangliang.commons.http.YearlyNumbers;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Preconditions;
import org.shangliang.commons.problem.Text;
import org.shangliang.commons.security.Access;
import org.shangliang.commons.security.Caller;
import org.shangliang.commons.security.Roles;
import org.shangliang.topics.domain.Channel;
import org.shangliang.topics.domain.CoSignerRepository;
import org.shangliang.topics.domain.Level;
import org.shangliang.topics.domain.TimelineEntry;
import org.shangliang.topics.domain.TimelineRepository;
import org.shangliang.topics.domain.Topic;
import org.shangliang.topics.domain.TopicAccess;
import org.shangliang.topics.domain.TopicRepository;
import org.shangliang.topics.domain.TopicStatus;
import org.shangliang.topics.domain.TopicFilter;
import org.shangliang.topics.api.TopicViews.SimilarTopicView;
import org.shangliang.topics.config.TopicsConfig;
import org.shangliang.topics.messaging.out.TopicAccepted;
import org.shangliang.topics.messaging.out.TopicConverted;
import org.shangliang.topics.messaging.out.TopicMerged;
import org.shangliang.topics.messaging.out.TopicWithdrawn;
import org.shangliang.topics.messaging.out.TopicRejected;
import org.shangliang.topics.messaging.out.TopicSubmitted;
import org.shangliang.topics.api.TopicRequests.AcceptTopic;
import org.shangliang.topics.api.TopicRequests.ConvertTopic;
import org.shangliang.topics.api.TopicRequests.MergeTopic;
import org.shangliang.topics.api.TopicRequests.ProxyProposer;
import org.shangliang.topics.api.TopicRequests.WithdrawTopic;
import org.shangliang.topics.api.TopicRequests.EditTopic;
import org.shangliang.topics.api.TopicRequests.RejectTopic;
import org.shangliang.topics.api.TopicRequests.SubmitTopic;
import org.shangliang.topics.api.TopicViews.SupportView;
import org.shangliang.topics.api.TopicViews.TimelineEntryView;
import org.shangliang.topics.api.TopicViews.TopicView;

/** Topic intake and screening: each change, its event and its audit record commit together. */
@ApplicationScoped
public class TopicService {

    static final String SERVICE = "topics-service";
    /** A search needs one pair of neighbouring letters or digits: the index holds pairs (docs/decisions/0007-chinese-search.md). */
    private static final java.util.regex.Pattern SEARCHABLE = java.util.regex.Pattern.compile("[\\p{L}\\p{N}]{2}");

    @Inject TopicRepository topics;
    @Inject TimelineRepository timeline;
    @Inject Outbox outbox;
    @Inject Audit audit;
    @Inject YearlyNumbers numbers;
    @Inject DirectoryService directory;
    @Inject TopicsConfig config;
    @Inject CoSignerRepository cosigners;
    @Inject SimilarTopics similar;

    @Transactional
    public TopicView submit(SubmitTopic request, Caller caller) {
        if (!TopicAccess.canSubmitIn(request.territoryCode(), caller)) {
            throw Access.forbidden(Text.of("只能在本人所辖区域（" + caller.territory() + "）内提交议题",
                    "You may submit topics only inside your territory (" + caller.territory() + ")"));
        }
        directory.usableTerritory("territoryCode", request.territoryCode());
        ProxyProposer proxy = request.onBehalfOf();
        if (proxy != null && !caller.is(Roles.GRID_WORKER)) {
            throw ApiException.badRequest("onBehalfOf", Text.of("只有网格员可以代村民提交议题", "Only grid workers file topics on behalf of residents"));
        }
        boolean draft = Boolean.TRUE.equals(request.draft());
        String proposer = proxy == null ? caller.subject() : proxy.subject() == null || proxy.subject().isBlank() ? null : proxy.subject().strip();
        Topic topic = Topic.create(draft ? null : numbers.next("YT"), request.title().strip(), request.description().strip(), request.themes(),
                request.territoryCode(), request.level(), channelFor(caller, request.channel()),
                proposer, proxy == null ? caller.name() : proxy.name().strip(), proxy == null ? request.contactPhone() : proxy.phone(),
                proxy == null ? null : caller.subject(), Boolean.TRUE.equals(request.anonymous()));
        topics.persist(topic);
        if (draft) {
            timeline.persist(new TimelineEntry(topic.id(), topic.createdAt(), "DRAFTED", "保存草稿", SERVICE, null, null));
            audit.record(caller, "topic.draft", "Topic", topic.id(), null);
            return TopicView.of(topic, true, true);
        }
        submitted(topic, caller);
        return TopicView.of(topic, true, true).withSimilar(similar.like(topic.title(), topic.territoryCode(), caller, topic.id()));
    }

    /** What every submission does: the timeline entry (naming the grid worker of a proxy intake), the event, the audit. */
    private void submitted(Topic topic, Caller caller) {
        String summary = topic.filedBy() == null ? "提交议题 " + topic.number() + "（" + topic.channel() + "）"
                : "网格员 " + caller.name() + " 代 " + topic.proposerName() + " 提交议题 " + topic.number() + "（" + topic.channel() + "）";
        timeline.persist(new TimelineEntry(topic.id(), topic.createdAt(), "SUBMITTED", summary, SERVICE, null, null));
        outbox.publish(TopicSubmitted.of(topic));
        audit.record(caller, "topic.submit", "Topic", topic.id(), topic.number());
    }

    /** A draft is submitted: it takes its number now. */
    @Transactional
    public TopicView submitDraft(UUID id, String ifMatch, Caller caller) {
        Topic topic = topics.visible(id, caller);
        if (!topic.isAuthor(caller.subject())) {
            throw Access.forbidden(Text.of("只有作者可以提交草稿", "Only its author submits a draft"));
        }
        Preconditions.requireIfMatch(ifMatch, topic.version());
        topic.submitDraft(topic.status() == TopicStatus.DRAFT ? numbers.next("YT") : null);
        submitted(topic, caller);
        return flushed(topic, caller).withSimilar(similar.like(topic.title(), topic.territoryCode(), caller, topic.id()));
    }

    /** 撤回 by the proposer (or the grid worker who filed it), before it is scheduled. */
    @Transactional
    public TopicView withdraw(UUID id, String ifMatch, WithdrawTopic request, Caller caller) {
        Topic topic = topics.visible(id, caller);
        if (!TopicAccess.canWithdraw(topic, caller)) {
            throw Access.forbidden(Text.of("只有提出人可以撤回议题", "Only the proposer withdraws a topic"));
        }
        Preconditions.requireIfMatch(ifMatch, topic.version());
        boolean wasDraft = topic.status() == TopicStatus.DRAFT;
        topic.withdraw(request.reason().strip());
        timeline.persist(new TimelineEntry(topic.id(), topic.screenedAt(), "WITHDRAWN", "提出人撤回：" + topic.screeningNote(), SERVICE, null, null));
        if (!wasDraft) outbox.publish(TopicWithdrawn.of(topic)); // a draft was never announced
        audit.record(caller, "topic.withdraw", "Topic", topic.id(), topic.screeningNote());
        return flushed(topic, caller);
    }

    /** 合并: a screening decision; the survivor carries the merged topic's supporters and co-signers on. */
    @Transactional
    public TopicView merge(UUID id, String ifMatch, MergeTopic request, Caller caller) {
        Topic topic = screenable(id, caller);
        Preconditions.requireIfMatch(ifMatch, topic.version());
        Topic survivor = topics.findByIdOptional(request.into()).filter(t -> TopicAccess.canScreen(t, caller)).orElseThrow(() -> ApiException.unprocessable("into",
                Text.of("没有可以并入的议题 " + request.into() + "（须为您可审核的议题）", "No topic " + request.into() + " you screen to merge into")));
        if (survivor.status() != TopicStatus.SUBMITTED && survivor.status() != TopicStatus.ACCEPTED) {
            throw ApiException.unprocessable("into", Text.of("只能并入待审或已立项的议题；" + survivor.number() + " 的状态为 " + survivor.status(),
                    "A topic merges only into one waiting for screening or accepted; " + survivor.number() + " is " + survivor.status()));
        }
        topic.mergeInto(survivor, request.note().strip());
        int supports = topics.carrySupporters(topic.id(), survivor.id(), topic.proposer(), survivor.proposer());
        cosigners.carry(topic.id(), survivor.id(), survivor.proposer());
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        timeline.persist(new TimelineEntry(topic.id(), topic.screenedAt(), "MERGED", "并入议题 " + survivor.number() + "：" + topic.screeningNote(), SERVICE, survivor.id(), null));
        timeline.persist(new TimelineEntry(survivor.id(), now, "MERGED_IN", "并入了议题 " + topic.number() + "，附议人和联名人随之转入（现有附议 " + supports + " 人）", SERVICE, topic.id(), null));
        if (supports >= config.supportThreshold(survivor.level()) && topics.flag(survivor.id(), now)) {
            timeline.persist(new TimelineEntry(survivor.id(), now, "FLAGGED", "附议达到 " + config.supportThreshold(survivor.level()) + " 人，优先审核", SERVICE, null, null));
        }
        outbox.publish(TopicMerged.of(topic));
        audit.record(caller, "topic.merge", "Topic", topic.id(), topic.number() + " → " + survivor.number());
        return flushed(topic, caller);
    }

    /** 转为意见建议: a screening decision, like accept and reject. */
    @Transactional
    public TopicView convert(UUID id, String ifMatch, ConvertTopic request, Caller caller) {
        Topic topic = screenable(id, caller);
        Preconditions.requireIfMatch(ifMatch, topic.version());
        topic.convert(request.note().strip());
        timeline.persist(new TimelineEntry(topic.id(), topic.screenedAt(), "CONVERTED", "转为意见建议：" + topic.screeningNote(), SERVICE, null, null));
        outbox.publish(TopicConverted.of(topic));
        audit.record(caller, "topic.convert", "Topic", topic.id(), topic.screeningNote());
        return flushed(topic, caller);
    }

    /** The screening queue of a territory: SUBMITTED topics, flagged ones first, then the oldest. Screeners only. */
    public PageView<TopicView> screeningQueue(String territory, String cursor, int limit, Caller caller) {
        String scope = territory == null ? caller.territory() : territory;
        if (territory != null) directory.knownTerritory("territory", territory);
        if (!caller.isAny(Roles.ORGANIZER, Roles.CPPCC_STAFF) || !caller.covers(scope)) {
            throw Access.forbidden(Text.of("只有本辖区的组织者或县政协机关可以查看待审队列", "Only organizers and CPPCC staff of the territory see its screening queue"));
        }
        List<Topic> rows = topics.screeningQueue(scope, Cursor.decode(cursor), limit);
        return PageView.of(rows, limit, t -> view(t, caller), t -> new Cursor(t.queueAt(), t.id()));
    }

    /** The channel is a fact of who submits, not a choice, except for staff who record topics from any channel. */
    private static Channel channelFor(Caller caller, Channel requested) {
        if (caller.isAny(Roles.ORGANIZER, Roles.CPPCC_STAFF)) return requested == null ? Channel.LIAISON_OFFICE : requested;
        if (caller.is(Roles.INTEGRATION)) return Channel.INTEGRATION;
        if (caller.is(Roles.GRID_WORKER)) return Channel.GRID_PROXY;
        if (caller.is(Roles.MEMBER)) return Channel.MEMBER_REPORT;
        return Channel.RESIDENT;
    }

    /** A read: no transaction (autocommit, one round trip; nothing is flushed). */
    public TopicView get(UUID id, Caller caller) {
        return view(topics.visible(id, caller), caller);
    }

    /**
     * Lists and searches (检索) in one: the filter narrows, the caller's visibility rules always
     * apply. A proposer filter is the caller's own subject, or staff who may see proposers.
     */
    public PageView<TopicView> list(TopicFilter filter, String cursor, int limit, Caller caller) {
        if (filter.territory() != null) directory.knownTerritory("territory", filter.territory());
        if (filter.text() != null && !SEARCHABLE.matcher(filter.text()).find()) {
            throw ApiException.badRequest("q", Text.of("检索词须含两个相连的文字或数字（如 蜜梨）", "q must hold two letters or digits side by side (e.g. 蜜梨)"));
        }
        if (filter.proposer() != null && !filter.proposer().equals(caller.subject())
                && !caller.isAny(Roles.ORGANIZER, Roles.CPPCC_STAFF, Roles.LEADER, Roles.GRID_WORKER)) {
            throw Access.forbidden(Text.of("只能按本人查询提出的议题", "You may list by proposer only your own topics"));
        }
        boolean ranked = filter.sort() == TopicFilter.Sort.MOST_SUPPORTED;
        Object position = ranked ? RankedCursor.decode(cursor) : Cursor.decode(cursor);
        List<Topic> rows;
        if (filter.text() != null || ranked) {
            // A search or the other order: planned for its own values (set_config is local to a transaction), with a second try if the first plan is slow.
            try {
                rows = QuarkusTransaction.requiringNew().call(() -> {
                    topics.planForTheseValues(filter, false);
                    return topics.page(caller, filter, position, limit);
                });
            } catch (RuntimeException e) {
                if (!cancelledByTimeout(e)) throw e;
                rows = QuarkusTransaction.requiringNew().call(() -> {
                    topics.planForTheseValues(filter, true);
                    return topics.page(caller, filter, position, limit);
                });
            }
        } else {
            rows = topics.page(caller, filter, position, limit); // autocommit: one round trip
        }
        return ranked ? PageView.ranked(rows, limit, t -> view(t, caller), t -> new RankedCursor(t.supportCount(), t.createdAt(), t.id()))
                : PageView.of(rows, limit, t -> view(t, caller), t -> new Cursor(t.createdAt(), t.id()));
    }

    /** PostgreSQL cancelled the statement at statement_timeout (SQLSTATE 57014). */
    private static boolean cancelledByTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "57014".equals(sql.getSQLState())) return true;
        }
        return false;
    }

    /** 查重 while typing: topics like {@code title} in {@code territory} that the caller may see. */
    public List<SimilarTopicView> similar(String title, String territory, Caller caller) {
        directory.knownTerritory("territory", territory);
        return similar.like(title, territory, caller, null);
    }

    @Transactional
    public TopicView edit(UUID id, String ifMatch, EditTopic request, Caller caller) {
        Topic topic = topics.visible(id, caller);
        if (!TopicAccess.canEdit(topic, caller)) {
            throw Access.forbidden(Text.of("只有提出人或本辖区工作人员可以修改议题", "Only the proposer or staff of the territory may edit a topic"));
        }
        Preconditions.requireIfMatch(ifMatch, topic.version());
        topic.edit(request.title().strip(), request.description().strip(), request.themes());
        timeline.persist(new TimelineEntry(topic.id(), topic.updatedAt(), "EDITED", "修改议题内容", SERVICE, null, null));
        audit.record(caller, "topic.edit", "Topic", topic.id(), null);
        return flushed(topic, caller);
    }

    @Transactional
    public TopicView accept(UUID id, String ifMatch, AcceptTopic decision, Caller caller) {
        Topic topic = screenable(id, caller);
        Preconditions.requireIfMatch(ifMatch, topic.version());
        topic.accept(decision == null ? null : decision.note());
        timeline.persist(new TimelineEntry(topic.id(), topic.screenedAt(), "ACCEPTED", "立项", SERVICE, null, null));
        outbox.publish(TopicAccepted.of(topic, cosigners.confirmedSubjects(topic.id())));
        audit.record(caller, "topic.accept", "Topic", topic.id(), topic.screeningNote());
        return flushed(topic, caller);
    }

    @Transactional
    public TopicView reject(UUID id, String ifMatch, RejectTopic decision, Caller caller) {
        Topic topic = screenable(id, caller);
        Preconditions.requireIfMatch(ifMatch, topic.version());
        topic.reject(decision.reason().strip());
        timeline.persist(new TimelineEntry(topic.id(), topic.screenedAt(), "REJECTED", "不予立项：" + topic.screeningNote(), SERVICE, null, null));
        outbox.publish(TopicRejected.of(topic));
        audit.record(caller, "topic.reject", "Topic", topic.id(), topic.screeningNote());
        return flushed(topic, caller);
    }

    /** 附议: one per person and topic, kept by the table's primary key even when two requests race. */
    @Transactional
    public SupportView support(UUID id, Caller caller) {
        Topic topic = topics.visible(id, caller);
        if (topic.isAuthor(caller.subject())) {
            throw ApiException.conflict(Text.of("不能附议自己提出的议题", "You cannot support your own topic"));
        }
        if (!topic.acceptsSupport()) {
            throw ApiException.illegalTransition(Text.of("议题状态为 " + topic.status() + "，不能再附议。允许附议的状态：SUBMITTED, ACCEPTED",
                    "The topic is " + topic.status() + "; supports are allowed while SUBMITTED or ACCEPTED"));
        }
        int inserted = topics.getEntityManager().createNativeQuery(
                        "insert into topic_support (topic_id, supporter, created_at) values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, id).setParameter(2, caller.subject()).setParameter(3, OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate();
        if (inserted == 0) throw ApiException.conflict(Text.of("您已附议过此议题", "You already support this topic"));
        Number count = (Number) topics.getEntityManager().createNativeQuery(
                        "update topic set support_count = support_count + 1 where id = ?1 returning support_count")
                .setParameter(1, id).getSingleResult();
        audit.record(caller, "topic.support", "Topic", id, null);
        int threshold = config.supportThreshold(topic.level());
        if (count.intValue() >= threshold && topics.flag(id, java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS))) {
            timeline.persist(new TimelineEntry(id, java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS), "FLAGGED",
                    "附议达到 " + threshold + " 人，优先审核", SERVICE, null, null));
        }
        return new SupportView(id, count.intValue());
    }

    /** A read: no transaction (autocommit, one round trip; nothing is flushed). */
    public List<TimelineEntryView> timeline(UUID id, Caller caller) {
        topics.visible(id, caller);
        return timeline.of(id).stream().map(TimelineEntryView::of).toList();
    }

    private static TopicView view(Topic t, Caller caller) {
        return TopicView.of(t, TopicAccess.canSeeProposer(t, caller), TopicAccess.canSeeProposerName(t, caller));
    }

    /** Flushes first so the view carries the version the update produced (the next If-Match). */
    private TopicView flushed(Topic topic, Caller caller) {
        topics.flush();
        return view(topic, caller);
    }

    private Topic screenable(UUID id, Caller caller) {
        Topic topic = topics.visible(id, caller);
        if (!TopicAccess.canScreen(topic, caller)) {
            throw Access.forbidden(Text.of("只有本辖区的组织者或县政协机关可以审核议题", "Only organizers of the territory or the county CPPCC office may screen a topic"));
        }
        return topic;
    }

}
