package org.shangliang.sessions.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OutcomeRepository implements PanacheRepositoryBase<Outcome, UUID> {

    public List<Outcome> of(UUID agendaItemId) {
        return list("agendaItem.id", Sort.ascending("version"), agendaItemId);
    }

    public int latestVersion(UUID agendaItemId) {
        Integer v = getEntityManager().createQuery("select max(o.version) from Outcome o where o.agendaItem.id = :id", Integer.class)
                .setParameter("id", agendaItemId).getSingleResult();
        return v == null ? 0 : v;
    }

    /** The latest version recorded for the item, if any. */
    public java.util.Optional<Outcome> latest(UUID agendaItemId) {
        return find("agendaItem.id", Sort.descending("version"), agendaItemId).firstResultOptional();
    }

    /** What {@code o} changed against the version before it; null for a first version. */
    public Outcome.Changes changesOf(Outcome o) {
        if (o.version() == 1) return null;
        return find("agendaItem = ?1 and version = ?2", o.agendaItem(), o.version() - 1).firstResultOptional()
                .map(o::changesFrom).orElse(null);
    }

    /** The version in force (the latest) of each of these agenda items' outcomes, where one was recorded. */
    public List<Outcome> inForce(java.util.Collection<UUID> agendaItemIds) {
        if (agendaItemIds.isEmpty()) return List.of();
        return list("from Outcome x where x.agendaItem.id in ?1 and x.version = (select max(o.version) from Outcome o where o.agendaItem = x.agendaItem)",
                agendaItemIds);
    }
}
