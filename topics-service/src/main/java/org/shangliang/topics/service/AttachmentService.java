package org.shangliang.topics.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.shangliang.commons.audit.Audit;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Text;
import org.shangliang.commons.security.Access;
import org.shangliang.commons.security.Caller;
import org.shangliang.topics.api.Attachments.AttachmentContent;
import org.shangliang.topics.api.Attachments.AttachmentView;
import org.shangliang.topics.api.Attachments.Uploaded;
import org.shangliang.topics.config.TopicsConfig;
import org.shangliang.topics.domain.Attachment;
import org.shangliang.topics.domain.AttachmentKind;
import org.shangliang.topics.domain.AttachmentRepository;
import org.shangliang.topics.domain.AttachmentStore;
import org.shangliang.topics.domain.TimelineEntry;
import org.shangliang.topics.domain.TimelineRepository;
import org.shangliang.topics.domain.Topic;
import org.shangliang.topics.domain.TopicAccess;
import org.shangliang.topics.domain.TopicRepository;

/**
 * 议题附件: photos and documents as a topic's evidence. Whoever may edit the topic adds them until it
 * is scheduled; whoever may see the topic reads them. The file's type is told from its content; the
 * same file twice on a topic is one attachment.
 */
@ApplicationScoped
public class AttachmentService {

    /** The multipart part that carries the file. */
    public static final String PART = "file";

    @Inject TopicRepository topics;
    @Inject AttachmentRepository attachments;
    @Inject AttachmentStore store;
    @Inject TimelineRepository timeline;
    @Inject Audit audit;
    @Inject TopicsConfig config;

    /**
     * Attaches the uploaded file. The topic row is locked for the upload, so two uploads of one
     * topic count against its limit one after the other and the same file sent twice at once is
     * stored once; the lock is taken as the topic is read, so every check sees its latest state.
     *
     * @param fileName the name the client gave, or null
     * @param file     where the HTTP layer put the upload
     */
    @Transactional
    public Uploaded attach(UUID topicId, String fileName, Path file, long size, Caller caller) {
        Topic topic = topics.visibleForUpdate(topicId, caller);
        if (!TopicAccess.canAttach(topic, caller)) {
            throw Access.forbidden(Text.of("只有提出人和本区域的工作人员可以上传附件", "Only the proposer and the territory's staff attach files"));
        }
        topic.requireAttachable();
        long max = config.attachments().maxBytes();
        if (size > max) {
            throw ApiException.tooLarge(PART, Text.of("文件为 " + size + " 字节，每个附件最多 " + max + " 字节（" + max / (1024 * 1024) + " MiB）",
                    "The file has " + size + " bytes; an attachment has at most " + max + " (" + max / (1024 * 1024) + " MiB)"));
        }
        if (size == 0) throw ApiException.badRequest(PART, Text.of("文件是空的", "The file is empty"));
        byte[] content = read(file);
        AttachmentKind kind = AttachmentKind.sniff(Arrays.copyOf(content, Math.min(content.length, AttachmentKind.SIGNATURE_BYTES)))
                .orElseThrow(() -> ApiException.unsupportedMediaType(PART, Text.of("附件只能是 JPEG、PNG 图片或 PDF 文件（按文件内容判断，与文件名无关）",
                        "An attachment is a JPEG or PNG image or a PDF, told from its content whatever its name")));
        String sha256 = sha256(content);

        var same = attachments.sameFile(topicId, sha256);
        if (same.isPresent()) return new Uploaded(AttachmentView.of(same.get()), false);
        int limit = config.attachments().maxPerTopic();
        if (attachments.countOf(topicId) >= limit) {
            throw ApiException.unprocessable(PART, Text.of("每个议题最多 " + limit + " 个附件", "A topic has at most " + limit + " attachments"));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Attachment attachment = new Attachment(topicId, cleanName(fileName, kind), kind, content.length, sha256, caller.subject(), caller.name(), now);
        attachments.persist(attachment);
        attachments.flush(); // the row before its bytes: the content row refers to it
        store.put(attachment.id(), content);
        timeline.persist(new TimelineEntry(topicId, now, "ATTACHED", "上传附件 " + attachment.fileName(), TopicService.SERVICE, attachment.id(), null));
        audit.record(caller, "topic.attach", "Topic", topicId, attachment.fileName() + " " + sha256);
        return new Uploaded(AttachmentView.of(attachment), true);
    }

    public List<AttachmentView> list(UUID topicId, Caller caller) {
        topics.visible(topicId, caller);
        return attachments.of(topicId).stream().map(AttachmentView::of).toList();
    }

    public AttachmentView describe(UUID topicId, UUID id, Caller caller) {
        return AttachmentView.of(find(topicId, id, caller));
    }

    /** The attachment and its bytes, under the topic's read rules. */
    @Transactional
    public AttachmentContent content(UUID topicId, UUID id, Caller caller) {
        Attachment attachment = find(topicId, id, caller);
        return new AttachmentContent(AttachmentView.of(attachment), store.get(id));
    }

    private Attachment find(UUID topicId, UUID id, Caller caller) {
        topics.visible(topicId, caller);
        return attachments.of(topicId, id).orElseThrow(() -> ApiException.notFound(
                Text.of("议题 " + topicId + " 没有编号为 " + id + " 的附件", "Topic " + topicId + " has no attachment " + id)));
    }

    /**
     * The name to keep: without folders (some clients send a path), control or direction-override
     * characters, in NFC, at most 200 characters; a name left empty becomes 附件.&lt;type&gt;.
     */
    static String cleanName(String given, AttachmentKind kind) {
        String name = given == null ? "" : given;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC).codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.codePointCount(0, name.length()) > 200) name = name.substring(0, name.offsetByCodePoints(0, 200));
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "附件." + kind.extension() : name;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the upload " + file, e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
