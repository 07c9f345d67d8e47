package org.shangliang.topics.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.shangliang.commons.events.Outbox;
import org.shangliang.commons.http.Cursor;
import org.shangliang.commons.http.PageView;
import org.shangliang.commons.http.YearlyNumbers;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Preconditions;
import org.shangliang.commons.problem.Text;
import org.shangliang.topics.domain.Level;
import org.shangliang.topics.domain.TimelineEntry;
import org.shangliang.topics.domain.TimelineRepository;
import org.shangliang.topics.domain.Topic;
import org.shangliang.topics.domain.TopicRepository;
import org.shangliang.topics.domain.TopicStatus;
import org.shangliang.topics.messaging.out.TopicAccepted;
import org.shangliang.topics.messaging.out.TopicRejected;
import org.shangliang.topics.messaging.out.TopicSubmitted;
import org.shangliang.topics.rest.TopicRequests.AcceptTopic;
import org.shangliang.topics.rest.TopicRequests.EditTopic;
import org.shangliang.topics.rest.TopicRequests.RejectTopic;
import org.shangliang.topics.rest.TopicRequests.SubmitTopic;
import org.shangliang.topics.rest.TopicViews.TimelineEntryView;
import org.shangliang.topics.rest.TopicViews.TopicView;

/** Topic intake and screening: each change and its event commit together. */
@ApplicationScoped
public class TopicService {

    static final String SERVICE = "topics-service";

    @Inject TopicRepository topics;
    @Inject TimelineRepository timeline;
    @Inject Outbox outbox;
    @Inject YearlyNumbers numbers;

    @Transactional
    public TopicView submit(SubmitTopic request) {
        String number = numbers.next("YT");
        Topic topic = Topic.submit(number, request.title().strip(), request.description().strip(), request.themes(),
                request.territoryCode(), request.level(), request.channel());
        topics.persist(topic);
        timeline.persist(new TimelineEntry(topic.id(), topic.createdAt(), "SUBMITTED",
                "提交议题 " + topic.number() + "（" + topic.channel() + "）", SERVICE, null, null));
        outbox.publish(TopicSubmitted.of(topic));
        return TopicView.of(topic);
    }

    @Transactional
    public TopicView get(UUID id) {
        return TopicView.of(find(id));
    }

    @Transactional
    public PageView<TopicView> list(TopicStatus status, String territory, Level level, String cursor, int limit) {
        List<Topic> rows = topics.page(status, territory, level, Cursor.decode(cursor), limit);
        return PageView.of(rows, limit, TopicView::of, t -> new Cursor(t.createdAt(), t.id()));
    }

    @Transactional
    public TopicView edit(UUID id, String ifMatch, EditTopic request) {
        Topic topic = find(id);
        Preconditions.requireIfMatch(ifMatch, topic.version());
        topic.edit(request.title().strip(), request.description().strip(), request.themes());
        timeline.persist(new TimelineEntry(topic.id(), topic.updatedAt(), "EDITED", "修改议题内容", SERVICE, null, null));
        return flushed(topic);
    }

    @Transactional
    public TopicView accept(UUID id, String ifMatch, AcceptTopic decision) {
        Topic topic = find(id);
        Preconditions.requireIfMatch(ifMatch, topic.version());
        topic.accept(decision == null ? null : decision.note());
        timeline.persist(new TimelineEntry(topic.id(), topic.screenedAt(), "ACCEPTED", "立项", SERVICE, null, null));
        outbox.publish(TopicAccepted.of(topic));
        return flushed(topic);
    }

    @Transactional
    public TopicView reject(UUID id, String ifMatch, RejectTopic decision) {
        Topic topic = find(id);
        Preconditions.requireIfMatch(ifMatch, topic.version());
        topic.reject(decision.reason().strip());
        timeline.persist(new TimelineEntry(topic.id(), topic.screenedAt(), "REJECTED", "不予立项：" + topic.screeningNote(), SERVICE, null, null));
        outbox.publish(TopicRejected.of(topic));
        return flushed(topic);
    }

    @Transactional
    public List<TimelineEntryView> timeline(UUID id) {
        find(id);
        return timeline.of(id).stream().map(TimelineEntryView::of).toList();
    }

    /** Flushes first so the view carries the version the update produced (the next If-Match). */
    private TopicView flushed(Topic topic) {
        topics.flush();
        return TopicView.of(topic);
    }

    private Topic find(UUID id) {
        return topics.findByIdOptional(id).orElseThrow(() -> ApiException.notFound(
                Text.of("没有编号为 " + id + " 的议题", "No topic with id " + id)));
    }
}
