package org.shangliang.sessions.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PositionRepository implements PanacheRepositoryBase<Position, UUID> {

    public List<Position> of(UUID agendaItemId) {
        return list("agendaItemId", agendaItemId);
    }

    public Optional<Position> of(UUID agendaItemId, UUID participantId) {
        return find("agendaItemId = ?1 and participantId = ?2", agendaItemId, participantId).firstResultOptional();
    }
}
