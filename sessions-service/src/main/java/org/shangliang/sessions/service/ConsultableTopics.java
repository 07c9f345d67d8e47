package org.shangliang.sessions.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.shangliang.commons.audit.Audit;
import org.shangliang.commons.events.IncomingEvent;
import org.shangliang.commons.security.Caller;
import org.shangliang.commons.http.Cursor;
import org.shangliang.commons.http.PageView;
import org.shangliang.sessions.domain.ConsultableTopic;
import org.shangliang.sessions.domain.ConsultableTopicRepository;
import org.shangliang.sessions.api.TopicEvents.TopicAccepted;
import org.shangliang.sessions.api.SessionViews.ConsultableTopicView;

/** Topics that may go on an agenda: this service's own copy, fed by TopicAccepted. */
@ApplicationScoped
public class ConsultableTopics {

    @Inject ConsultableTopicRepository topics;
    @Inject Audit audit;

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(TopicAccepted e, IncomingEvent event) {
        if (topics.findById(e.topicId()) != null) return;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        topics.persist(new ConsultableTopic(e.topicId(), e.number(), e.title(), e.territoryCode(), e.level(),
                e.acceptedAt() == null ? now : e.acceptedAt(), now));
        audit.record(Caller.system(event.publisher()), event.id(), "topic.consultable", "Topic", e.topicId(), e.number());
    }

    /**
     * A withdrawn or merged topic can no longer go on an agenda (one already holding it keeps its item as recorded).
     *
     * @param why the audit action, e.g. topic.withdrawn
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(UUID topicId, String number, String why, IncomingEvent event) {
        if (topics.deleteById(topicId)) {
            audit.record(Caller.system(event.publisher()), event.id(), why, "Topic", topicId, number);
        }
    }

    /**
     * 并案 after it was put on an agenda: the items of sessions still to be held show the topic it
     * was merged into (the organizer decides whether to keep the item).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void mergedAway(UUID topicId, UUID survivorId, String survivorNumber, IncomingEvent event) {
        int marked = topics.getEntityManager().createNativeQuery("""
                        update agenda_item i set merged_into_topic_id = ?2, merged_into_number = ?3
                        from consultation_session s where s.id = i.session_id and i.topic_id = ?1 and s.status in ('SCHEDULED', 'POSTPONED')""")
                .setParameter(1, topicId).setParameter(2, survivorId).setParameter(3, survivorNumber).executeUpdate();
        if (marked > 0) audit.record(Caller.system(event.publisher()), event.id(), "agenda.merged", "Topic", topicId, marked + " agenda item(s) → " + survivorNumber);
    }

    /** A read: no transaction (autocommit, one round trip; nothing is flushed). */
    public PageView<ConsultableTopicView> list(String territory, String cursor, int limit) {
        List<ConsultableTopic> rows = topics.page(territory, Cursor.decode(cursor), limit);
        return PageView.of(rows, limit, ConsultableTopicView::of, t -> new Cursor(t.receivedAt(), t.topicId()));
    }
}
