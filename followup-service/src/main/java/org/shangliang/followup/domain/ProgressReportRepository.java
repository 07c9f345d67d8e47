package org.shangliang.followup.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProgressReportRepository implements PanacheRepositoryBase<ProgressReport, UUID> {

    public List<ProgressReport> of(UUID caseId) {
        return list("caseId", Sort.ascending("reportedAt", "id"), caseId);
    }
}
