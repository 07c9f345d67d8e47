package org.shangliang.topics.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.shangliang.commons.http.Cursor;
import org.shangliang.commons.http.KeysetQuery;
import org.shangliang.commons.persistence.SqlValues;
import org.shangliang.commons.security.Territories;

@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<ConsultationPlan, UUID> {

    /** One recorded change of a published plan (修订). */
    public record Amendment(UUID id, UUID planId, int number, String reason, String change, String bySubject, String byName, Instant at) {
    }

    public Optional<ConsultationPlan> of(int year, String territoryCode) {
        return find("year = ?1 and territoryCode = ?2", year, territoryCode).firstResultOptional();
    }

    /**
     * Newest first. {@code draftsWithin}: the subtree whose unpublished plans the caller may see
     * (null: published plans only).
     */
    public List<ConsultationPlan> page(Integer year, String territory, PlanStatus status, String draftsWithin, Cursor cursor, int limit) {
        KeysetQuery q = new KeysetQuery().eq("year", year).within("territoryCode", territory).eq("status", status);
        if (draftsWithin == null) q.where("status = :published", Map.of("published", PlanStatus.PUBLISHED));
        else q.where("status = :published or " + Territories.within("territoryCode", "draftScope", draftsWithin),
                Map.of("published", PlanStatus.PUBLISHED, "draftScope", Territories.subtreeKey(draftsWithin)));
        q.after(cursor, "createdAt", "id");
        return find(q.query(), Sort.descending("createdAt", "id"), q.params()).range(0, limit).list();
    }

    /** Records an amendment under the next number of the plan (the plan row is locked by the caller's version check). */
    public Amendment amend(UUID planId, String reason, String change, String bySubject, String byName, Instant at) {
        int number = ((Number) getEntityManager().createNativeQuery("select coalesce(max(number), 0) + 1 from plan_amendment where plan_id = ?1")
                .setParameter(1, planId).getSingleResult()).intValue();
        UUID id = UUID.randomUUID();
        getEntityManager().createNativeQuery("insert into plan_amendment (id, plan_id, number, reason, change, by_subject, by_name, at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, id).setParameter(2, planId).setParameter(3, number).setParameter(4, reason).setParameter(5, change)
                .setParameter(6, bySubject).setParameter(7, byName).setParameter(8, at).executeUpdate();
        return new Amendment(id, planId, number, reason, change, bySubject, byName, at);
    }

    @SuppressWarnings("unchecked")
    public List<Amendment> amendments(UUID planId) {
        List<Object[]> rows = getEntityManager().createNativeQuery("select id, plan_id, number, reason, change, by_subject, by_name, at "
                + "from plan_amendment where plan_id = ?1 order by number").setParameter(1, planId).getResultList();
        return rows.stream().map(r -> new Amendment((UUID) r[0], (UUID) r[1], ((Number) r[2]).intValue(), (String) r[3], (String) r[4],
                (String) r[5], (String) r[6], SqlValues.instant(r[7]))).toList();
    }
}
