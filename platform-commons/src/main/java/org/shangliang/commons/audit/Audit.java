package org.shangliang.commons.audit;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.shangliang.commons.security.Caller;
import org.shangliang.commons.security.RequestIds;

/**
 * Writes the audit trail in the transaction of the change it records: the change and its
 * record commit together or not at all.
 */
@ApplicationScoped
public class Audit {

    @Inject EntityManager em;

    /** A change made through the API; the request id comes from the current request. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Caller caller, String action, String targetType, Object targetId, String detail) {
        record(caller, currentRequestId(), action, targetType, targetId, detail);
    }

    /** A change made by an event handler: the request id is the event id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Caller caller, String requestId, String action, String targetType, Object targetId, String detail) {
        em.createNativeQuery("insert into audit_entry (id, at, actor, actor_name, roles, action, target_type, target_id, request_id, detail) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC))
                .setParameter(3, caller.subject())
                .setParameter(4, caller.name())
                .setParameter(5, caller.roleList())
                .setParameter(6, action)
                .setParameter(7, targetType)
                .setParameter(8, String.valueOf(targetId))
                .setParameter(9, requestId)
                .setParameter(10, detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000))
                .executeUpdate();
    }

    private static String currentRequestId() {
        if (!Arc.container().requestContext().isActive()) return null;
        return Arc.container().instance(RequestIds.class).get().current();
    }
}
