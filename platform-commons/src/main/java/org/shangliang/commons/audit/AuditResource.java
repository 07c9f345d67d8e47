package org.shangliang.commons.audit;

import org.shangliang.commons.persistence.SqlValues;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shangliang.commons.http.Cursor;
import org.shangliang.commons.http.PageView;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Text;
import org.shangliang.commons.security.Roles;

/** The audit trail of this service, for the county CPPCC office and leaders. Read-only by design. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "审计记录 — who changed what and when (append-only)")
public class AuditResource {

    @Inject EntityManager em;

    @GET
    @Transactional
    @RolesAllowed({Roles.CPPCC_STAFF, Roles.LEADER})
    @Operation(summary = "Read the audit trail", description = "Newest first, keyset-paginated. Every state change of this service is here: "
            + "actor, role, action, target, time and request id. Only cppcc_staff and leader may read it.")
    @APIResponse(responseCode = "200", description = "One page of audit entries")
    public PageView<AuditView> listAuditEntries(
            @Parameter(description = "Only changes by this subject") @QueryParam("actor") @Size(max = 200) String actor,
            @Parameter(description = "Only this action", example = "topic.accept") @QueryParam("action") @Size(max = 80) String action,
            @Parameter(description = "Only changes of this object") @QueryParam("targetId") @Size(max = 80) String targetId,
            @Parameter(description = "Only changes at or after this time (ISO-8601)") @QueryParam("from") Instant from,
            @Parameter(description = "Only changes before this time (ISO-8601)") @QueryParam("to") Instant to,
            @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(PageView.MAX_LIMIT) int limit) {
        StringBuilder sql = new StringBuilder("select id, at, actor, actor_name, roles, action, target_type, target_id, request_id, detail from audit_entry where true");
        List<Object> params = new ArrayList<>();
        if (actor != null) { sql.append(" and actor = ?").append(params.size() + 1); params.add(actor); }
        if (action != null) { sql.append(" and action = ?").append(params.size() + 1); params.add(action); }
        if (targetId != null) { sql.append(" and target_id = ?").append(params.size() + 1); params.add(targetId); }
        if (from != null) { sql.append(" and at >= ?").append(params.size() + 1); params.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC)); }
        if (to != null) { sql.append(" and at < ?").append(params.size() + 1); params.add(OffsetDateTime.ofInstant(to, ZoneOffset.UTC)); }
        Cursor after = Cursor.decode(cursor);
        if (after != null) {
            int n = params.size();
            sql.append(" and (at < ?").append(n + 1).append(" or (at = ?").append(n + 1).append(" and id < ?").append(n + 2).append("))");
            params.add(OffsetDateTime.ofInstant(after.at(), ZoneOffset.UTC));
            params.add(after.id());
        }
        sql.append(" order by at desc, id desc limit ").append(limit + 1);
        var query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < params.size(); i++) query.setParameter(i + 1, params.get(i));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<AuditView> views = rows.stream().map(AuditResource::view).toList();
        return PageView.of(views, limit, v -> v, v -> new Cursor(v.at(), v.id()));
    }

    private static AuditView view(Object[] r) {
        Instant at = SqlValues.instant(r[1]);
        return new AuditView((UUID) r[0], at, (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9]);
    }
}
