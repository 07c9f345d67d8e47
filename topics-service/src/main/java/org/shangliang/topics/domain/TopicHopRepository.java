package org.shangliang.topics.domain;

import org.shangliang.commons.persistence.SqlValues;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.shangliang.commons.security.Territories;

/** The hops of 上报 / 下转: one row per hop, kept for the topic's history. */
@ApplicationScoped
public class TopicHopRepository {

    /** Up (上报) to a higher level or down (下转) to a lower one. */
    public enum Direction { UP, DOWN }

    /** A hop and its answer. */
    public enum HopStatus { PENDING, ACCEPTED, RETURNED }

    public record TopicHop(UUID id, UUID topicId, Direction direction, String fromCode, Level fromLevel, String toCode, Level toLevel,
                           String reason, HopStatus status, LocalDate dueOn, String sentBy, Instant sentAt,
                           String answeredBy, Instant answeredAt, String answer) {
    }

    private static final String COLUMNS = "id, topic_id, direction, from_code, from_level, to_code, to_level, reason, status, due_on, "
            + "sent_by, sent_at, answered_by, answered_at, answer";

    private static EntityManager em() {
        return Panache.getEntityManager();
    }

    public void add(TopicHop h) {
        em().createNativeQuery("insert into topic_hop (" + COLUMNS + ") values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, null, null, null)")
                .setParameter(1, h.id()).setParameter(2, h.topicId()).setParameter(3, h.direction().name()).setParameter(4, h.fromCode())
                .setParameter(5, h.fromLevel().name()).setParameter(6, h.toCode()).setParameter(7, h.toLevel().name()).setParameter(8, h.reason())
                .setParameter(9, h.status().name()).setParameter(10, h.dueOn()).setParameter(11, h.sentBy()).setParameter(12, h.sentAt())
                .executeUpdate();
    }

    /** The topic's pending hop (there is at most one: the topic's status allows one at a time). */
    public Optional<TopicHop> pending(UUID topicId) {
        return rows("select " + COLUMNS + " from topic_hop where topic_id = ?1 and status = 'PENDING'", topicId).stream().findFirst();
    }

    public void answer(UUID hopId, HopStatus status, String by, Instant at, String answer) {
        em().createNativeQuery("update topic_hop set status = ?2, answered_by = ?3, answered_at = ?4, answer = ?5 where id = ?1")
                .setParameter(1, hopId).setParameter(2, status.name()).setParameter(3, by).setParameter(4, at).setParameter(5, answer)
                .executeUpdate();
    }

    /** Oldest first. */
    public List<TopicHop> of(UUID topicId) {
        return rows("select " + COLUMNS + " from topic_hop where topic_id = ?1 order by sent_at, id", topicId);
    }

    /** Pending hops into a territory's subtree, oldest first: the receiving level's in-tray. */
    public List<TopicHop> pendingInto(String territory, int limit) {
        String within = Territories.isDivisionCode(territory) && territory.length() < 15 ? "left(to_code, " + territory.length() + ") = ?1" : "to_code = ?1";
        return rows("select " + COLUMNS + " from topic_hop where status = 'PENDING' and " + within + " order by sent_at, id limit " + Math.max(1, limit),
                Territories.subtreeKey(territory));
    }

    private static List<TopicHop> rows(String sql, Object... params) {
        var q = em().createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) q.setParameter(i + 1, params[i]);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new TopicHop((UUID) r[0], (UUID) r[1], Direction.valueOf((String) r[2]), (String) r[3],
                Level.valueOf((String) r[4]), (String) r[5], Level.valueOf((String) r[6]), (String) r[7], HopStatus.valueOf((String) r[8]),
                date(r[9]), (String) r[10], SqlValues.instant(r[11]), (String) r[12], SqlValues.instant(r[13]), (String) r[14])).toList();
    }

    private static LocalDate date(Object v) {
        if (v instanceof LocalDate d) return d;
        if (v instanceof java.sql.Date d) return d.toLocalDate();
        throw new IllegalStateException("not a date: " + v);
    }

}
