package org.shangliang.topics.domain;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.shangliang.commons.http.CodeCursor;
import org.shangliang.commons.http.Cursor;
import org.shangliang.commons.http.KeysetQuery;

/** The directory's four tables: finds, keyset pages and the checks that keep references valid. */
@ApplicationScoped
public class DirectoryRepository {

    private static EntityManager em() {
        return Panache.getEntityManager();
    }

    public void persist(DirectoryEntry entry) {
        em().persist(entry);
    }

    /** Waits for a transaction-scoped advisory lock. */
    public void lock(long key) {
        em().createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, key).getSingleResult();
    }

    public void flush() {
        em().flush();
    }

    /** Which of {@code codes} already have a territory ({@code Territory}) or unit ({@code Unit}): one query for a whole seed. */
    public java.util.Set<String> existingCodes(Class<? extends DirectoryEntry> type, java.util.Collection<String> codes) {
        if (codes.isEmpty()) return java.util.Set.of();
        return new java.util.HashSet<>(em().createQuery("select e.code from " + type.getSimpleName() + " e where e.code in :codes", String.class)
                .setParameter("codes", codes).getResultList());
    }

    public Optional<Territory> territory(String code) {
        return Optional.ofNullable(code == null ? null : em().find(Territory.class, code));
    }

    public Optional<Unit> unit(String code) {
        return Optional.ofNullable(code == null ? null : em().find(Unit.class, code));
    }

    public Optional<Member> member(UUID id) {
        return Optional.ofNullable(em().find(Member.class, id));
    }

    public Optional<ServiceTeam> serviceTeam(UUID id) {
        return Optional.ofNullable(em().find(ServiceTeam.class, id));
    }

    public Optional<Member> memberBySubject(String subject) {
        return em().createQuery("from Member where subject = :s", Member.class).setParameter("s", subject).getResultStream().findFirst();
    }

    /** In code order, after {@code cursor}; one more than {@code limit} tells whether a next page exists. */
    public List<Territory> territories(String parent, TerritoryKind kind, boolean includeRetired, CodeCursor cursor, int limit) {
        KeysetQuery q = new KeysetQuery().eq("parentCode", parent).eq("kind", kind).after(cursor, "code");
        if (!includeRetired) q.where("retiredAt is null", Map.of());
        return page(Territory.class, q, "code", limit);
    }

    public List<Unit> units(String territory, boolean includeRetired, CodeCursor cursor, int limit) {
        KeysetQuery q = new KeysetQuery().eq("territoryCode", territory).after(cursor, "code");
        if (!includeRetired) q.where("retiredAt is null", Map.of());
        return page(Unit.class, q, "code", limit);
    }

    /** Newest first. */
    public List<Member> members(String territory, String sector, boolean includeRetired, Cursor cursor, int limit) {
        KeysetQuery q = new KeysetQuery().within("gridCode", territory).eq("sector", sector).after(cursor, "createdAt", "id");
        if (!includeRetired) q.where("retiredAt is null", Map.of());
        return page(Member.class, q, "createdAt desc, id desc", limit);
    }

    /** Every active member linked to a grid inside the territory, by grid and name (a county has hundreds, not millions). */
    public List<Member> activeMembersWithin(String territory) {
        KeysetQuery q = new KeysetQuery().within("gridCode", territory).where("retiredAt is null", Map.of());
        var query = em().createQuery("from Member where " + q.query() + " order by gridCode, name, id", Member.class);
        q.params().forEach(query::setParameter);
        return query.getResultList();
    }

    /** Newest first. */
    public List<ServiceTeam> serviceTeams(String territory, String sector, boolean includeRetired, Cursor cursor, int limit) {
        KeysetQuery q = new KeysetQuery().within("townshipCode", territory).eq("sector", sector).after(cursor, "createdAt", "id");
        if (!includeRetired) q.where("retiredAt is null", Map.of());
        return page(ServiceTeam.class, q, "createdAt desc, id desc", limit);
    }

    /** Every entry of a kind, in the given JPQL order (a whole directory is thousands of rows, not millions). */
    public <E> List<E> all(Class<E> type, String order) {
        return em().createQuery("from " + type.getSimpleName() + " order by " + order, type).getResultList();
    }

    /** Territories, units and members still in use under this territory: a territory with any is not retired. */
    public long activeDependants(String code) {
        return count("select count(*) from Territory where parentCode = :c and retiredAt is null", code)
                + count("select count(*) from Unit where territoryCode = :c and retiredAt is null", code)
                + count("select count(*) from Member where gridCode = :c and retiredAt is null", code)
                + count("select count(*) from ServiceTeam where townshipCode = :c and retiredAt is null", code);
    }

    private static long count(String jpql, String code) {
        return em().createQuery(jpql, Long.class).setParameter("c", code).getSingleResult();
    }

    private static <E> List<E> page(Class<E> type, KeysetQuery q, String order, int limit) {
        TypedQuery<E> query = em().createQuery("from " + type.getSimpleName() + " where " + q.query() + " order by " + order, type);
        q.params().forEach(query::setParameter);
        return query.setMaxResults(limit + 1).getResultList();
    }
}
