package org.shangliang.topics.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Attachment — 议题附件: a photo or document attached to a topic. The row describes it; the bytes
 * are in an {@link AttachmentStore}, found by the same id. Attachments are never changed: a new
 * file is a new attachment, and the same file twice on one topic is one attachment (its SHA-256).
 */
@Entity
@Table(name = "topic_attachment")
public class Attachment {

    @Id
    private UUID id;
    @Column(name = "topic_id")
    private UUID topicId;
    @Column(name = "file_name")
    private String fileName;
    @Column(name = "media_type")
    private String mediaType;
    @Column(name = "size_bytes")
    private long sizeBytes;
    private String sha256;
    @Column(name = "uploaded_by")
    private String uploadedBy;
    @Column(name = "uploaded_by_name")
    private String uploadedByName;
    @Column(name = "uploaded_at")
    private Instant uploadedAt;

    protected Attachment() {
    }

    public Attachment(UUID topicId, String fileName, AttachmentKind kind, long sizeBytes, String sha256, String uploadedBy,
            String uploadedByName, Instant uploadedAt) {
        this.id = UUID.randomUUID();
        this.topicId = topicId;
        this.fileName = fileName;
        this.mediaType = kind.mediaType();
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.uploadedBy = uploadedBy;
        this.uploadedByName = uploadedByName;
        this.uploadedAt = uploadedAt;
    }

    public UUID id() { return id; }
    public UUID topicId() { return topicId; }
    public String fileName() { return fileName; }
    public String mediaType() { return mediaType; }
    public long sizeBytes() { return sizeBytes; }
    public String sha256() { return sha256; }
    public String uploadedBy() { return uploadedBy; }
    public String uploadedByName() { return uploadedByName; }
    public Instant uploadedAt() { return uploadedAt; }
}
