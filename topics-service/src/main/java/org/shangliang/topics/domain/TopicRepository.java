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
                .where(visibleTo(caller), visibilityParams(caller))
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

    /** The list form of {@link TopicAccess#canSee}. */
    private static String visibleTo(Caller c) {
        if (TopicAccess.townshipSystemOnly(c)) return Territories.within("territoryCode", "scope", c.territory());
        if (TopicAccess.territorialReader(c)) return "status not in :private or proposer = :me or " + Territories.within("territoryCode", "scope", c.territory());
        return "status not in :private or proposer = :me";
    }

    private static Map<String, Object> visibilityParams(Caller c) {
        // A caller without a territory claim covers nothing: the key matches no code.
        String scope = Territories.subtreeKey(c.territory());
        if (TopicAccess.townshipSystemOnly(c)) return Map.of("scope", scope);
        Map<String, Object> p = new java.util.HashMap<>(Map.of("me", c.subject(), "private", List.of(TopicStatus.SUBMITTED, TopicStatus.REJECTED)));
        if (TopicAccess.territorialReader(c)) p.put("scope", scope);
        return p;
    }
}
