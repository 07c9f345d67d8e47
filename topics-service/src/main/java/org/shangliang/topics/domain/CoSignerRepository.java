package org.shangliang.topics.domain;

import org.shangliang.commons.persistence.SqlValues;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** 联名: invitations to co-sign a topic, one per person and topic (the key keeps it so under races). */
@ApplicationScoped
public class CoSignerRepository {

    /** One invitation and where it stands. */
    public record CoSigner(UUID topicId, String subject, CoSignStatus status, String name, Instant invitedAt, Instant answeredAt) {
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }

    /** @return true when the person was not yet invited to this topic */
    public boolean invite(UUID topicId, String subject, Instant at) {
        return em().createNativeQuery("insert into topic_cosigner (topic_id, subject, status, invited_at) values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, topicId).setParameter(2, subject).setParameter(3, CoSignStatus.INVITED.name()).setParameter(4, at)
                .executeUpdate() == 1;
    }

    /** The invitation, locked: two answers at once are applied one after the other. */
    public Optional<CoSigner> forUpdate(UUID topicId, String subject) {
        return rows("select topic_id, subject, status, name, invited_at, answered_at from topic_cosigner where topic_id = ?1 and subject = ?2 for update",
                topicId, subject).stream().findFirst();
    }

    public void answer(UUID topicId, String subject, CoSignStatus status, String name, Instant at) {
        em().createNativeQuery("update topic_cosigner set status = ?3, name = ?4, answered_at = ?5 where topic_id = ?1 and subject = ?2")
                .setParameter(1, topicId).setParameter(2, subject).setParameter(3, status.name()).setParameter(4, name).setParameter(5, at)
                .executeUpdate();
    }

    /** 合并: the merged topic's confirmed co-signers co-sign the survivor (once each; not its own proposer). */
    public void carry(UUID merged, UUID survivor, String survivorProposer) {
        em().createNativeQuery("insert into topic_cosigner (topic_id, subject, status, name, invited_at, answered_at) "
                        + "select ?2, subject, status, name, invited_at, answered_at from topic_cosigner "
                        + "where topic_id = ?1 and status = 'CONFIRMED' and subject <> ?3 on conflict do nothing")
                .setParameter(1, merged).setParameter(2, survivor).setParameter(3, survivorProposer).executeUpdate();
    }

    /** In the order invited. */
    public List<CoSigner> of(UUID topicId) {
        return rows("select topic_id, subject, status, name, invited_at, answered_at from topic_cosigner where topic_id = ?1 order by invited_at, subject", topicId);
    }

    public long count(UUID topicId) {
        return ((Number) em().createNativeQuery("select count(*) from topic_cosigner where topic_id = ?1").setParameter(1, topicId).getSingleResult()).longValue();
    }

    /** The subjects of the confirmed co-signers, for the events follow-up reads. */
    public List<String> confirmedSubjects(UUID topicId) {
        return of(topicId).stream().filter(c -> c.status() == CoSignStatus.CONFIRMED).map(CoSigner::subject).toList();
    }

    private static List<CoSigner> rows(String sql, Object... params) {
        var q = em().createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) q.setParameter(i + 1, params[i]);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new CoSigner((UUID) r[0], (String) r[1], CoSignStatus.valueOf((String) r[2]), (String) r[3],
                SqlValues.instant(r[4]), SqlValues.instant(r[5]))).toList();
    }

}
