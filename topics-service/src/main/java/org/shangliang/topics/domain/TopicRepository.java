package org.shangliang.topics.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.shangliang.commons.http.Cursor;

@ApplicationScoped
public class TopicRepository implements PanacheRepositoryBase<Topic, UUID> {

    /** Newest first, after {@code cursor}; fetches one more than {@code limit} to tell whether a next page exists. */
    public List<Topic> page(TopicStatus status, String territoryPrefix, Level level, Cursor cursor, int limit) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (status != null) {
            q.append(" and status = :status");
            p.and("status", status);
        }
        if (territoryPrefix != null) {
            q.append(" and territoryCode like :territory");
            p.and("territory", territoryPrefix + "%");
        }
        if (level != null) {
            q.append(" and level = :level");
            p.and("level", level);
        }
        if (cursor != null) {
            q.append(" and (createdAt < :at or (createdAt = :at and id < :id))");
            p.and("at", cursor.at()).and("id", cursor.id());
        }
        return find(q.toString(), Sort.descending("createdAt", "id"), p).range(0, limit).list();
    }

    /** Next YT number of the year; the counter row's lock serializes concurrent submissions. */
    public String nextNumber(int year) {
        Number n = (Number) getEntityManager().createNativeQuery(
                        "insert into topic_number (year, last) values (?1, 1) "
                                + "on conflict (year) do update set last = topic_number.last + 1 returning last")
                .setParameter(1, year).getSingleResult();
        return String.format("YT-%d-%04d", year, n.intValue());
    }
}
