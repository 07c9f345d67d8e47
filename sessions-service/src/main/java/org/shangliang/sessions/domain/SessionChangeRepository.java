package org.shangliang.sessions.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.shangliang.commons.http.ChangeCursor;
import org.shangliang.commons.persistence.ChangeFeeds;
import org.shangliang.commons.persistence.SqlValues;

/**
 * The change feed of sessions (变更流), written by the {@code session_change_feed} trigger in the
 * transaction of every change of a session (V13__change_feed.sql); one statement per page, so that
 * the settled-transaction rule and the rows come from one snapshot.
 */
@ApplicationScoped
public class SessionChangeRepository {

    /** A changed session in its current state. */
    public record Change(UUID sessionId, ChangeCursor cursor, String title, SessionType type, SessionMode mode, SessionStatus status,
                         Visibility visibility, String territoryCode, Instant startsAt, Instant endsAt, String venue, long version, Instant updatedAt) {
    }

    @Inject EntityManager em;

    /** Up to {@code limit} changes in the subtree of {@code territory} after {@code since}, oldest first. */
    public List<Change> after(String territory, ChangeCursor since, int limit) {
        List<Object[]> rows = ChangeFeeds.page(em, "select c.session_id, c.txid, c.position, s.title, s.type, s.mode, s.status, s.visibility,"
                        + " s.territory_code, s.starts_at, s.ends_at, s.venue, s.version, s.updated_at"
                        + " from session_change c join consultation_session s on s.id = c.session_id", territory, since, limit);
        return rows.stream().map(r -> new Change((UUID) r[0], ChangeFeeds.cursor(r, 1),
                (String) r[3], SessionType.valueOf((String) r[4]), SessionMode.valueOf((String) r[5]), SessionStatus.valueOf((String) r[6]),
                Visibility.valueOf((String) r[7]), (String) r[8], SqlValues.instant(r[9]), SqlValues.instant(r[10]), (String) r[11],
                ((Number) r[12]).longValue(), SqlValues.instant(r[13]))).toList();
    }
}
