package org.shangliang.topics.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.shangliang.commons.http.Cursor;
import org.shangliang.commons.http.KeysetQuery;

@ApplicationScoped
public class TopicRepository implements PanacheRepositoryBase<Topic, UUID> {

    /** Newest first, after {@code cursor}; fetches one more than {@code limit} to tell whether a next page exists. */
    public List<Topic> page(TopicStatus status, String territoryPrefix, Level level, Cursor cursor, int limit) {
        KeysetQuery q = new KeysetQuery().eq("status", status).startsWith("territoryCode", territoryPrefix).eq("level", level)
                .after(cursor, "createdAt", "id");
        return find(q.query(), Sort.descending("createdAt", "id"), q.params()).range(0, limit).list();
    }
}
