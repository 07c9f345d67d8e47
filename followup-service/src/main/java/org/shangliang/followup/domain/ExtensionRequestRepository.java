package org.shangliang.followup.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ExtensionRequestRepository implements PanacheRepositoryBase<ExtensionRequest, UUID> {

    public List<ExtensionRequest> of(UUID caseId) {
        return list("caseId", Sort.ascending("requestedAt", "id"), caseId);
    }

    public Optional<ExtensionRequest> pending(UUID caseId) {
        return find("caseId = ?1 and status = ?2", caseId, ExtensionRequest.Status.PENDING).firstResultOptional();
    }
}
