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

    /**
     * 附议达标: flags the topic once its supports reached the threshold, ahead of every unflagged
     * topic in the screening queue. In SQL beside the support count it follows, so the loaded entity
     * never writes a stale count back. @return true for the support that flagged it
     */
    public boolean flag(UUID topicId, java.time.Instant at) {
        return getEntityManager().createNativeQuery("update topic set flagged_at = ?2, queue_at = ?3 where id = ?1 and flagged_at is null")
                .setParameter(1, topicId).setParameter(2, at).setParameter(3, at.minus(java.time.Duration.ofDays(36_500)))
                .executeUpdate() == 1;
    }

    /**
     * 合并: the merged topic's supporters, and its proposer, support the survivor from now on; a
     * person who supported both counts once (the key), and the survivor's count is recounted, not
     * added to. @return the survivor's supports
     */
    public int carrySupporters(UUID merged, UUID survivor, String mergedProposer, String survivorProposer) {
        var em = getEntityManager();
        em.createNativeQuery("insert into topic_support (topic_id, supporter, created_at) select ?2, supporter, created_at from topic_support "
                        + "where topic_id = ?1 and supporter <> ?3 on conflict do nothing")
                .setParameter(1, merged).setParameter(2, survivor).setParameter(3, survivorProposer).executeUpdate();
        if (!mergedProposer.equals(survivorProposer)) {
            em.createNativeQuery("insert into topic_support (topic_id, supporter, created_at) values (?1, ?2, now()) on conflict do nothing")
                    .setParameter(1, survivor).setParameter(2, mergedProposer).executeUpdate();
        }
        return ((Number) em.createNativeQuery("update topic set support_count = (select count(*) from topic_support where topic_id = ?1) "
                + "where id = ?1 returning support_count").setParameter(1, survivor).getSingleResult()).intValue();
    }

    /** SUBMITTED topics inside the territory: flagged first (in the order flagged), then the oldest. */
    public List<Topic> screeningQueue(String territory, Cursor cursor, int limit) {
        KeysetQuery q = new KeysetQuery().eq("status", TopicStatus.SUBMITTED).within("territoryCode", territory)
                .afterAscending(cursor, "queueAt", "id");
        return find(q.query(), Sort.ascending("queueAt", "id"), q.params()).range(0, limit).list();
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

    private static final List<TopicStatus> PRIVATE = TopicStatus.PRIVATE;

    /**
     * The list form of {@link TopicAccess#canSee}, simplified by the status filter: for a public
     * status it always holds, for a private one its "public" branch never does. Left in, that branch
     * kept PostgreSQL from answering "my village's SUBMITTED topics" from the proposer and territory
     * indexes: it walked every SUBMITTED topic of the county (1.7 s at a million topics). Drafts are
     * listed only when asked for (status=DRAFT), and then only the caller's own.
     */
    private static String visibleTo(Caller c, TopicStatus status) {
        String authored = "proposer = :me or filedBy = :me";
        if (status == TopicStatus.DRAFT) return authored;
        if (TopicAccess.townshipSystemOnly(c)) {
            String scope = Territories.within("territoryCode", "scope", c.territory());
            return status != null ? scope : "status <> :draft and " + scope;
        }
        if (status != null && !PRIVATE.contains(status)) return "1 = 1";
        List<String> own = new java.util.ArrayList<>(List.of(authored));
        if (TopicAccess.territorialReader(c)) own.add(Territories.within("territoryCode", "scope", c.territory()));
        if (residentRule(c, status)) own.add(status == null ? "(status = :submitted and territoryCode in :above)" : "territoryCode in :above");
        String ownExpr = String.join(" or ", own);
        return status != null ? ownExpr : "status <> :draft and (status not in :private or " + ownExpr + ")";
    }

    /** Residents and members see SUBMITTED topics of the territories above their own (TopicAccess.livesUnder). */
    private static boolean residentRule(Caller c, TopicStatus status) {
        return c.isAny(org.shangliang.commons.security.Roles.RESIDENT, org.shangliang.commons.security.Roles.MEMBER)
                && Territories.isDivisionCode(c.territory()) && (status == null || status == TopicStatus.SUBMITTED);
    }

    private static Map<String, Object> visibilityParams(Caller c, TopicStatus status) {
        // A caller without a territory claim covers nothing: the key matches no code.
        String scope = Territories.subtreeKey(c.territory());
        Map<String, Object> p = new java.util.HashMap<>();
        if (status == TopicStatus.DRAFT) {
            p.put("me", c.subject());
            return p;
        }
        if (status == null) p.put("draft", TopicStatus.DRAFT);
        if (TopicAccess.townshipSystemOnly(c)) {
            p.put("scope", scope);
            return p;
        }
        if (status != null && !PRIVATE.contains(status)) return Map.of();
        p.put("me", c.subject());
        if (status == null) p.put("private", PRIVATE);
        if (TopicAccess.territorialReader(c)) p.put("scope", scope);
        if (residentRule(c, status)) {
            p.put("above", prefixes(c.territory()));
            if (status == null) p.put("submitted", TopicStatus.SUBMITTED);
        }
        return p;
    }

    /** The codes of a territory and of every territory above it: 330421003201 → 330421, 330421003, 330421003201. */
    static List<String> prefixes(String code) {
        List<String> codes = new java.util.ArrayList<>();
        for (int n = 6; n <= code.length(); n += 3) codes.add(code.substring(0, n));
        return codes;
    }
}
