package org.shangliang.topics.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * AttachmentKind — 附件类型: what a topic's attachments may be, told from the file's first bytes
 * (its signature), never from its name or the type the client declared: a phone's photo of a
 * broken road, a scanned letter.
 */
public enum AttachmentKind {
    JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
    PDF("application/pdf", "pdf", new byte[] {'%', 'P', 'D', 'F', '-'});

    /** Bytes enough to tell every kind apart. */
    public static final int SIGNATURE_BYTES = 8;

    private final String mediaType;
    private final String extension;
    private final byte[] signature;

    AttachmentKind(String mediaType, String extension, byte[] signature) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.signature = signature;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The kind whose signature {@code head} starts with, if any. */
    public static Optional<AttachmentKind> sniff(byte[] head) {
        return Arrays.stream(values()).filter(k -> head.length >= k.signature.length
                && Arrays.equals(head, 0, k.signature.length, k.signature, 0, k.signature.length)).findFirst();
    }

    public static AttachmentKind ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(k -> k.mediaType.equals(mediaType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an attachment type: " + mediaType));
    }
}
