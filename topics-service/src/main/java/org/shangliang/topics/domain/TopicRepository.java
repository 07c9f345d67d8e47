package org.shangliang.topics.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.shangliang.commons.http.Cursor;
import org.shangliang.commons.http.KeysetQuery;
import org.shangliang.commons.security.Caller;
import java.util.Map;

@ApplicationScoped
public class TopicRepository implements PanacheRepositoryBase<Topic, UUID> {

    /** Newest first, after {@code cursor}; fetches one more than {@code limit} to tell whether a next page exists. */
    public List<Topic> page(Caller caller, TopicStatus status, String territoryPrefix, Level level, Cursor cursor, int limit) {
        KeysetQuery q = new KeysetQuery().eq("status", status).startsWith("territoryCode", territoryPrefix).eq("level", level)
                .where(visibleTo(caller), visibilityParams(caller))
                .after(cursor, "createdAt", "id");
        return find(q.query(), Sort.descending("createdAt", "id"), q.params()).range(0, limit).list();
    }

    /** The list form of {@link TopicAccess#canSee}. */
    private static String visibleTo(Caller c) {
        if (TopicAccess.townshipSystemOnly(c)) return "territoryCode like :scope";
        if (TopicAccess.territorialReader(c)) return "status not in :private or proposer = :me or territoryCode like :scope";
        return "status not in :private or proposer = :me";
    }

    private static Map<String, Object> visibilityParams(Caller c) {
        // A caller without a territory claim covers nothing: the pattern matches no code.
        String scope = (c.territory() == null ? "-" : c.territory()) + "%";
        if (TopicAccess.townshipSystemOnly(c)) return Map.of("scope", scope);
        Map<String, Object> p = new java.util.HashMap<>(Map.of("me", c.subject(), "private", List.of(TopicStatus.SUBMITTED, TopicStatus.REJECTED)));
        if (TopicAccess.territorialReader(c)) p.put("scope", scope);
        return p;
    }
}
