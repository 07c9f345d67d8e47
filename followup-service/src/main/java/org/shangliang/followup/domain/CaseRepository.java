package org.shangliang.followup.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.shangliang.commons.http.Cursor;
import org.shangliang.commons.http.KeysetQuery;
import org.shangliang.commons.security.Caller;
import org.shangliang.commons.security.Roles;
import org.shangliang.commons.security.Territories;
import java.util.HashMap;
import java.util.Map;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<HandlingCase, UUID> {

    /** Newest first after {@code cursor}; one row more than {@code limit} tells whether a next page exists. */
    public java.util.Optional<HandlingCase> byRecommendation(UUID recommendationId) {
        return find("recommendationId", recommendationId).firstResultOptional();
    }

    public List<HandlingCase> page(Caller caller, UUID topicId, CaseStatus status, String unit, Cursor cursor, int limit) {
        KeysetQuery q = new KeysetQuery().eq("topicId", topicId).eq("status", status).eq("leadUnitCode", unit)
                .where(visibleTo(caller), visibilityParams(caller)).after(cursor, "createdAt", "id");
        return find(q.query(), Sort.descending("createdAt", "id"), q.params()).range(0, limit).list();
    }

    /** The list form of {@link CaseAccess#canSee}. */
    private static String visibleTo(Caller c) {
        boolean territory = CaseAccess.followsTerritory(c);
        boolean unit = c.is(Roles.HANDLER) && c.unit() != null;
        if (territory && unit) return Territories.within("territoryCode", "scope", c.territory()) + " or leadUnitCode = :unit";
        if (territory) return Territories.within("territoryCode", "scope", c.territory());
        if (unit) return "leadUnitCode = :unit";
        return "1 = 0";
    }

    private static Map<String, Object> visibilityParams(Caller c) {
        Map<String, Object> p = new HashMap<>();
        if (CaseAccess.followsTerritory(c)) p.put("scope", Territories.subtreeKey(c.territory()));
        if (c.is(Roles.HANDLER) && c.unit() != null) p.put("unit", c.unit());
        return p;
    }

    public boolean existsForRecommendation(UUID recommendationId) {
        return count("recommendationId", recommendationId) > 0;
    }
}
