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
}
