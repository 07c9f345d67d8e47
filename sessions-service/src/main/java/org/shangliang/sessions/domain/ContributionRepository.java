package org.shangliang.sessions.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ContributionRepository implements PanacheRepositoryBase<Contribution, UUID> {

    public List<Contribution> ofItem(UUID agendaItemId) {
        return list("agendaItemId", Sort.ascending("sequence"), agendaItemId);
    }

    public List<Contribution> ofSession(UUID sessionId) {
        return list("sessionId", Sort.ascending("agendaItemId", "sequence"), sessionId);
    }

    public long countOn(UUID agendaItemId) {
        return count("agendaItemId", agendaItemId);
    }

    public int nextSequence(UUID agendaItemId) {
        Integer max = getEntityManager().createQuery("select max(c.sequence) from Contribution c where c.agendaItemId = :id", Integer.class)
                .setParameter("id", agendaItemId).getSingleResult();
        return max == null ? 1 : max + 1;
    }

    /** How many contributions each agenda item of these sessions has, in one statement. */
    public java.util.Map<UUID, Long> countsByItem(java.util.Collection<UUID> sessionIds) {
        if (sessionIds.isEmpty()) return java.util.Map.of();
        List<Object[]> rows = getEntityManager().createQuery(
                "select c.agendaItemId, count(c) from Contribution c where c.sessionId in ?1 group by c.agendaItemId", Object[].class)
                .setParameter(1, sessionIds).getResultList();
        java.util.Map<UUID, Long> counts = new java.util.HashMap<>();
        for (Object[] r : rows) counts.put((UUID) r[0], ((Number) r[1]).longValue());
        return counts;
    }
}
