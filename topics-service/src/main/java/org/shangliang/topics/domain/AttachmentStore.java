package org.shangliang.topics.domain;

import java.util.UUID;

/**
 * Where attachments' bytes live. The service's own PostgreSQL by default
 * ({@link PostgresAttachmentStore}): one database to back up and one transaction for the row and
 * its bytes. An object store can take its place for a county with many large files; the bytes are
 * written once and never changed, so any store that can put and get by id will do.
 */
public interface AttachmentStore {

    /** Stores the bytes of attachment {@code id}, inside the caller's transaction where the store has one. */
    void put(UUID id, byte[] content);

    /** The bytes of attachment {@code id}. */
    byte[] get(UUID id);
}
