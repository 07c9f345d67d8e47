package org.shangliang.topics.domain;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/** Attachments' bytes in the service's PostgreSQL (bytea, stored out of line by TOAST), beside their row. */
@DefaultBean
@ApplicationScoped
public class PostgresAttachmentStore implements AttachmentStore {

    @Inject EntityManager em;

    @Override
    public void put(UUID id, byte[] content) {
        em.createNativeQuery("insert into topic_attachment_content (attachment_id, content) values (?1, ?2)")
                .setParameter(1, id).setParameter(2, content).executeUpdate();
    }

    @Override
    public byte[] get(UUID id) {
        return (byte[]) em.createNativeQuery("select content from topic_attachment_content where attachment_id = ?1")
                .setParameter(1, id).getSingleResult();
    }
}
