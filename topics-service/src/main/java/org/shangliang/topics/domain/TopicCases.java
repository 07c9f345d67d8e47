package org.shangliang.topics.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * The cases (办理件) of each topic as followup-service's events tell them: enough to know when the
 * last one ends and the topic is concluded. Written from events, each fact once.
 */
@ApplicationScoped
public class TopicCases {

    /** How a topic's cases stand. */
    public record Tally(long open, long closed, long withdrawn) {
    }

    @Inject EntityManager em;

    public void opened(UUID topicId, UUID caseId) {
        em.createNativeQuery("insert into topic_case (case_id, topic_id, status) values (?1, ?2, 'OPEN') on conflict (case_id) do nothing")
                .setParameter(1, caseId).setParameter(2, topicId).executeUpdate();
    }

    /** The case ended (CLOSED or WITHDRAWN); the topic's tally after it. */
    public Tally ended(UUID topicId, UUID caseId, String how) {
        em.createNativeQuery("insert into topic_case (case_id, topic_id, status) values (?1, ?2, ?3) on conflict (case_id) do update set status = excluded.status")
                .setParameter(1, caseId).setParameter(2, topicId).setParameter(3, how).executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery("select count(*) filter (where status = 'OPEN'), count(*) filter (where status = 'CLOSED'), "
                + "count(*) filter (where status = 'WITHDRAWN') from topic_case where topic_id = ?1").setParameter(1, topicId).getSingleResult();
        return new Tally(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue());
    }
}
