package org.shangliang.followup.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.shangliang.commons.http.Cursor;
import org.shangliang.commons.http.KeysetQuery;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<HandlingCase, UUID> {

    /** Newest first after {@code cursor}; one row more than {@code limit} tells whether a next page exists. */
    public List<HandlingCase> page(UUID topicId, CaseStatus status, String unit, Cursor cursor, int limit) {
        KeysetQuery q = new KeysetQuery().eq("topicId", topicId).eq("status", status).eq("leadUnit", unit).after(cursor, "createdAt", "id");
        return find(q.query(), Sort.descending("createdAt", "id"), q.params()).range(0, limit).list();
    }

    public boolean existsForRecommendation(UUID recommendationId) {
        return count("recommendationId", recommendationId) > 0;
    }
}
