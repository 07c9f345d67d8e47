package org.shangliang.followup.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EvaluationRepository implements PanacheRepositoryBase<Evaluation, UUID> {

    public List<Evaluation> of(UUID caseId) {
        return list("caseId", Sort.ascending("evaluatedAt", "id"), caseId);
    }

    public boolean given(UUID caseId, int round, String subject) {
        return count("caseId = ?1 and round = ?2 and subject = ?3", caseId, round, subject) > 0;
    }

    public boolean anyDissatisfied(UUID caseId, int round) {
        return count("caseId = ?1 and round = ?2 and result = ?3", caseId, round, Satisfaction.DISSATISFIED) > 0;
    }
}
