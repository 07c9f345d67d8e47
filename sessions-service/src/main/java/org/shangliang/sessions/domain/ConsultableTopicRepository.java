package org.shangliang.sessions.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.shangliang.commons.http.Cursor;
import org.shangliang.commons.http.KeysetQuery;

@ApplicationScoped
public class ConsultableTopicRepository implements PanacheRepositoryBase<ConsultableTopic, UUID> {

    public List<ConsultableTopic> page(String territoryPrefix, Cursor cursor, int limit) {
        KeysetQuery q = new KeysetQuery().within("territoryCode", territoryPrefix).after(cursor, "receivedAt", "topicId");
        return find(q.query(), Sort.descending("receivedAt", "topicId"), q.params()).range(0, limit).list();
    }
}
