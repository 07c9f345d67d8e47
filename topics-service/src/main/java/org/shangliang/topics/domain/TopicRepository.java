package org.shangliang.topics.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.shangliang.commons.http.Cursor;
import org.shangliang.commons.http.KeysetQuery;
import org.shangliang.commons.security.Caller;
import org.shangliang.commons.security.Territories;
import java.util.Map;

@ApplicationScoped
public class TopicRepository implements PanacheRepositoryBase<Topic, UUID> {

    /** Newest first, after {@code cursor}; fetches one more than {@code limit} to tell whether a next page exists. */
    public List<Topic> page(Caller caller, TopicStatus status, String territoryPrefix, Level level, Cursor cursor, int limit) {
        KeysetQuery q = new KeysetQuery().eq("status", status).within("territoryCode", territoryPrefix).eq("level", level)
                .where(visibleTo(caller, status), visibilityParams(caller, status))
                .after(cursor, "createdAt", "id");
        return find(q.query(), Sort.descending("createdAt", "id"), q.params()).range(0, limit).list();
    }

    /** Notes that a session holds the topic (idempotent). */
    public void onSession(UUID topicId, UUID sessionId) {
        getEntityManager().createNativeQuery("insert into topic_schedule (topic_id, session_id) values (?1, ?2) on conflict do nothing")
                .setParameter(1, topicId).setParameter(2, sessionId).executeUpdate();
    }

    /** Notes that a session no longer holds the topic; @return how many sessions still do */
    public int offSession(UUID topicId, UUID sessionId) {
        getEntityManager().createNativeQuery("delete from topic_schedule where topic_id = ?1 and session_id = ?2")
                .setParameter(1, topicId).setParameter(2, sessionId).executeUpdate();
        return ((Number) getEntityManager().createNativeQuery("select count(*) from topic_schedule where topic_id = ?1")
                .setParameter(1, topicId).getSingleResult()).intValue();
    }

    private static final List<TopicStatus> PRIVATE = List.of(TopicStatus.SUBMITTED, TopicStatus.REJECTED);

    /**
     * The list form of {@link TopicAccess#canSee}, simplified by the status filter: for a public
     * status it always holds, for a private one its "public" branch never does. Left in, that branch
     * kept PostgreSQL from answering "my village's SUBMITTED topics" from the proposer and territory
     * indexes: it walked every SUBMITTED topic of the county (1.7 s at a million topics).
     */
    private static String visibleTo(Caller c, TopicStatus status) {
        if (TopicAccess.townshipSystemOnly(c)) return Territories.within("territoryCode", "scope", c.territory());
        if (status != null && !PRIVATE.contains(status)) return "1 = 1";
        String own = TopicAccess.territorialReader(c)
                ? "proposer = :me or " + Territories.within("territoryCode", "scope", c.territory())
                : "proposer = :me";
        return status != null ? own : "status not in :private or " + own;
    }

    private static Map<String, Object> visibilityParams(Caller c, TopicStatus status) {
        // A caller without a territory claim covers nothing: the key matches no code.
        String scope = Territories.subtreeKey(c.territory());
        if (TopicAccess.townshipSystemOnly(c)) return Map.of("scope", scope);
        if (status != null && !PRIVATE.contains(status)) return Map.of();
        Map<String, Object> p = new java.util.HashMap<>(Map.of("me", c.subject()));
        if (status == null) p.put("private", PRIVATE);
        if (TopicAccess.territorialReader(c)) p.put("scope", scope);
        return p;
    }
}
