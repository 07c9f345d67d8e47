package org.shangliang.topics.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AttachmentRepository implements PanacheRepositoryBase<Attachment, UUID> {

    /** A topic's attachments in the order they came. */
    public List<Attachment> of(UUID topicId) {
        return list("topicId", Sort.ascending("uploadedAt", "id"), topicId);
    }

    public Optional<Attachment> of(UUID topicId, UUID id) {
        return find("topicId = ?1 and id = ?2", topicId, id).firstResultOptional();
    }

    public Optional<Attachment> sameFile(UUID topicId, String sha256) {
        return find("topicId = ?1 and sha256 = ?2", topicId, sha256).firstResultOptional();
    }

    public long countOf(UUID topicId) {
        return count("topicId", topicId);
    }
}
