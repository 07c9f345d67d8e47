package org.shangliang.sessions.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.shangliang.commons.http.Cursor;
import org.shangliang.commons.http.KeysetQuery;

@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<ConsultationSession, UUID> {

    /** Newest first after {@code cursor}; one row more than {@code limit} tells whether a next page exists. */
    public List<ConsultationSession> page(SessionStatus status, String territoryPrefix, Cursor cursor, int limit) {
        KeysetQuery q = new KeysetQuery().eq("status", status).within("territoryCode", territoryPrefix).after(cursor, "createdAt", "id");
        return find(q.query(), Sort.descending("createdAt", "id"), q.params()).range(0, limit).list();
    }

    /** The rounds that continue {@code sessionId} (usually one), earliest first. */
    public List<ConsultationSession> continuing(UUID sessionId) {
        return list("previousRoundId", Sort.ascending("startsAt", "id"), sessionId);
    }
}
