package org.shangliang.topics.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MemberActivityRepository implements PanacheRepositoryBase<MemberActivity, UUID> {

    public List<MemberActivity> of(UUID memberId, String month) {
        return list("memberId = ?1 and month = ?2", Sort.ascending("occurredOn", "recordedAt"), memberId, month);
    }

    /** A month's records of these members. */
    public List<MemberActivity> of(List<UUID> memberIds, String month) {
        if (memberIds.isEmpty()) return List.of();
        return list("memberId in ?1 and month = ?2", memberIds, month);
    }
}
