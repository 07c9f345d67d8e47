package org.shangliang.topics.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.shangliang.topics.domain.Attachment;

/** Requests and views of a topic's attachments (议题附件). */
public final class Attachments {

    private Attachments() {
    }

    /** The multipart form of an upload: one file in the part named {@code file}. */
    @Schema(name = "AttachmentUpload", description = "One file, in the multipart part named `file`")
    public static class AttachmentUpload {
        @RestForm("file")
        @Schema(type = SchemaType.STRING, format = "binary", required = true,
                description = "A JPEG or PNG photo or a PDF, at most 10 MiB; its type is told from its content, not its name")
        public FileUpload file;
    }

    @Schema(name = "Attachment", description = "A photo or document attached to a topic")
    public record AttachmentView(
            UUID id,
            UUID topicId,
            @Schema(description = "The file's name as uploaded (without any folder)", example = "村道破损.jpg") String fileName,
            @Schema(description = "Told from the content", enumeration = {"image/jpeg", "image/png", "application/pdf"}, example = "image/jpeg") String mediaType,
            @Schema(example = "184320") long sizeBytes,
            @Schema(description = "SHA-256 of the content, hex; also the download's ETag", example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256,
            @Schema(description = "Name of who uploaded it, from their token", nullable = true, example = "王建国") String uploadedByName,
            Instant uploadedAt,
            @Schema(description = "Where to download the content", example = "/api/v1/topics/8d0c.../attachments/51f2.../content") String contentPath) {

        public static AttachmentView of(Attachment a) {
            return new AttachmentView(a.id(), a.topicId(), a.fileName(), a.mediaType(), a.sizeBytes(), a.sha256(), a.uploadedByName(),
                    a.uploadedAt(), "/api/v1/topics/" + a.topicId() + "/attachments/" + a.id() + "/content");
        }
    }

    /** An upload's answer: the attachment, and whether this upload made it (false: the same file was there already). */
    public record Uploaded(AttachmentView attachment, boolean created) {
    }

    /** An attachment with its bytes, for download. */
    public record AttachmentContent(AttachmentView attachment, byte[] content) {
    }
}
