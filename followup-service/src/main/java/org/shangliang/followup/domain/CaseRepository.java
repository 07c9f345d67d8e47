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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<HandlingCase, UUID> {

    /** Newest first after {@code cursor}; one row more than {@code limit} tells whether a next page exists. */
    public java.util.Optional<HandlingCase> byRecommendation(UUID recommendationId) {
        return find("recommendationId", recommendationId).firstResultOptional();
    }

    public List<HandlingCase> page(Caller caller, CaseFilter f, java.time.LocalDate today, int dueSoonDays, Cursor cursor, int limit) {
        KeysetQuery q = new KeysetQuery().eq("topicId", f.topicId()).eq("status", f.status()).eq("leadUnitCode", f.unit())
                .where(visibleTo(caller), visibilityParams(caller));
        if (f.township() != null) q.where(Territories.within("territoryCode", "township", f.township()), Map.of("township", Territories.subtreeKey(f.township())));
        if (f.box() != null) {
            Map<String, Object> p = new HashMap<>();
            String condition = f.box().condition();
            if (condition.contains(":today")) p.put("today", today);
            if (condition.contains(":soon")) p.put("soon", today.plusDays(dueSoonDays));
            if (condition.contains(":running")) p.put("running", CaseStatus.RUNNING);
            if (condition.contains(":me")) p.put("me", caller.subject() == null ? "-" : caller.subject());
            q.where(condition, p);
        }
        q.after(cursor, "createdAt", "id");
        return find(q.query(), Sort.descending("createdAt", "id"), q.params()).range(0, limit).list();
    }

    /**
     * The list form of who sees a case: the territory for staff, leaders and organizers; the lead or a
     * co-handling unit for a handler; for others, the topics they proposed or co-signed and the
     * sessions they took part in (TopicParty, SessionParticipant).
     */
    private static String visibleTo(Caller c) {
        List<String> any = new ArrayList<>();
        if (CaseAccess.followsTerritory(c)) any.add(Territories.within("territoryCode", "scope", c.territory()));
        if (isUnit(c)) {
            any.add("leadUnitCode = :unit");
            any.add("id in (select p.caseId from CasePart p where p.unitCode = :unit)");
        }
        if (!CaseAccess.followsTerritory(c) && c.subject() != null) {
            any.add("topicId in (select t.topicId from TopicParty t where t.subject = :me)");
            any.add("sessionId in (select s.sessionId from SessionParticipant s where s.subject = :me)");
        }
        return any.isEmpty() ? "1 = 0" : String.join(" or ", any);
    }

    private static boolean isUnit(Caller c) {
        return c.is(Roles.HANDLER) && c.unit() != null;
    }

    private static Map<String, Object> visibilityParams(Caller c) {
        Map<String, Object> p = new HashMap<>();
        if (CaseAccess.followsTerritory(c)) p.put("scope", Territories.subtreeKey(c.territory()));
        if (isUnit(c)) p.put("unit", c.unit());
        if (!CaseAccess.followsTerritory(c) && c.subject() != null) p.put("me", c.subject());
        return p;
    }

    /**
     * Running cases the deadline watch has something to send for: due soon and not yet noticed for
     * this deadline, or overdue and not yet noticed or not reminded since {@code remindBefore}. Cases
     * already dealt with are left out, so they never fill a batch ahead of those still waiting.
     * Oldest deadline first.
     */
    public List<HandlingCase> watched(java.time.LocalDate today, java.time.LocalDate horizon, java.time.Instant remindBefore, int limit) {
        return find("status in :running and deadlineDate <= :horizon and ("
                        + "(deadlineDate >= :today and (dueSoonNotifiedFor is null or dueSoonNotifiedFor <> deadlineDate)) or "
                        + "(deadlineDate < :today and (overdueNotifiedFor is null or overdueNotifiedFor <> deadlineDate "
                        + "or lastRemindedAt is null or lastRemindedAt <= :remindBefore)))",
                Sort.ascending("deadlineDate", "id"),
                io.quarkus.panache.common.Parameters.with("running", CaseStatus.RUNNING).and("horizon", horizon).and("today", today)
                        .and("remindBefore", remindBefore)).range(0, limit - 1).list();
    }

    /** The cases of a territory assigned in [from, to): a year's statistics. */
    public List<HandlingCase> assignedBetween(java.time.Instant from, java.time.Instant to, String territory) {
        return find("createdAt >= :from and createdAt < :to and " + Territories.within("territoryCode", "scope", territory),
                io.quarkus.panache.common.Parameters.with("from", from).and("to", to).and("scope", Territories.subtreeKey(territory))).list();
    }

    /** Cases opened in [from, to) in a territory's subtree, or the whole county when {@code territory} is null; by number. */
    public List<HandlingCase> openedBetween(java.time.Instant from, java.time.Instant to, String territory) {
        if (territory == null) {
            return find("createdAt >= ?1 and createdAt < ?2 order by number", from, to).list();
        }
        return find("createdAt >= :from and createdAt < :to and " + Territories.within("territoryCode", "scope", territory) + " order by number",
                io.quarkus.panache.common.Parameters.with("from", from).and("to", to).and("scope", Territories.subtreeKey(territory))).list();
    }

    public boolean existsForRecommendation(UUID recommendationId) {
        return count("recommendationId", recommendationId) > 0;
    }
}
