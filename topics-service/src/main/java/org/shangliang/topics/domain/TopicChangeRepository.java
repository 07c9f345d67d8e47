package org.shangliang.topics.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.shangliang.commons.http.ChangeCursor;
import org.shangliang.commons.persistence.ChangeFeeds;

/**
 * The change feed of topics (变更流), written by the {@code topic_change_feed} trigger in the
 * transaction of every change of a topic (V19__change_feed.sql) and read here, one statement per
 * page so that the settled-transaction rule and the rows come from one snapshot.
 */
@ApplicationScoped
public class TopicChangeRepository {

    /** What a feed row says, joined with the topic's current state (absent once it is deleted). */
    public record Change(UUID topicId, String change, ChangeCursor cursor, String number, String title, TopicStatus status, Level level,
                         String territoryCode, Integer supportCount, Long version, Instant updatedAt, UUID mergedInto) {
    }

    @Inject EntityManager em;

    /** Up to {@code limit} changes in the subtree of {@code territory} after {@code since}, oldest first. */
    public List<Change> after(String territory, ChangeCursor since, int limit) {
        List<Object[]> rows = ChangeFeeds.page(em, "select c.topic_id, c.change, c.txid, c.position, t.number, t.title, t.status, t.level,"
                        + " t.territory_code, t.support_count, t.version, t.updated_at, t.merged_into"
                        + " from topic_change c left join topic t on t.id = c.topic_id", territory, since, limit);
        return rows.stream().map(r -> new Change((UUID) r[0], (String) r[1], ChangeFeeds.cursor(r, 2),
                (String) r[4], (String) r[5], r[6] == null ? null : TopicStatus.valueOf((String) r[6]), r[7] == null ? null : Level.valueOf((String) r[7]),
                (String) r[8], r[9] == null ? null : ((Number) r[9]).intValue(), r[10] == null ? null : ((Number) r[10]).longValue(),
                instant(r[11]), (UUID) r[12])).toList();
    }

    private static Instant instant(Object value) {
        if (value == null) return null;
        if (value instanceof Instant i) return i;
        if (value instanceof OffsetDateTime o) return o.toInstant();
        if (value instanceof java.sql.Timestamp t) return t.toInstant();
        throw new IllegalStateException("not a time: " + value.getClass());
    }
}
