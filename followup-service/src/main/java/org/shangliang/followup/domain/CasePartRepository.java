package org.shangliang.followup.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CasePartRepository implements PanacheRepositoryBase<CasePart, UUID> {

    public List<CasePart> of(UUID caseId) {
        return list("caseId", Sort.ascending("unitCode"), caseId);
    }

    /** The parts of a page of cases, in one query. */
    public Map<UUID, List<CasePart>> ofCases(List<UUID> caseIds) {
        if (caseIds.isEmpty()) return Map.of();
        return list("caseId in ?1", Sort.ascending("unitCode"), caseIds).stream().collect(Collectors.groupingBy(CasePart::caseId));
    }

    public Optional<CasePart> of(UUID caseId, String unitCode) {
        return find("caseId = ?1 and unitCode = ?2", caseId, unitCode).firstResultOptional();
    }
}
