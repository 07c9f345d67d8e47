package org.shangliang.topics.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Topic — 议题: a matter someone asks to be consulted on. Its status moves only through
 * {@link TopicStatus}.
 */
@Entity
@Table(name = "topic")
public class Topic {

    @Id
    private UUID id;
    private String number;
    private String title;
    private String description;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> themes = new ArrayList<>();
    /**
     * The bigrams of title and description, computed by PostgreSQL (a generated column): mapped
     * only so that queries can name it, never loaded with the topic.
     */
    @jakarta.persistence.Basic(fetch = jakarta.persistence.FetchType.LAZY)
    @Column(name = "search_grams", insertable = false, updatable = false)
    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] searchGrams;
    @Column(name = "territory_code")
    private String territoryCode;
    @Enumerated(EnumType.STRING)
    private Level level;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    @Enumerated(EnumType.STRING)
    private TopicStatus status;
    @Column(name = "screening_note")
    private String screeningNote;
    @Column(name = "screened_at")
    private Instant screenedAt;
    private String proposer;
    @Column(name = "proposer_name")
    private String proposerName;
    @Column(name = "contact_phone")
    private String contactPhone;
    @Column(name = "support_count")
    private int supportCount;
    /** Who filed it for the proposer (a grid worker's proxy intake); null when the proposer filed it. */
    @Column(name = "filed_by")
    private String filedBy;
    /** The proposer asked other residents not to see their name. */
    private boolean anonymous;
    /** When supports reached the level's threshold (附议达标). */
    @Column(name = "flagged_at")
    private Instant flaggedAt;
    /** The topic this one was merged into (合并), and its number for the 409s that name it. */
    @Column(name = "merged_into")
    private UUID mergedInto;
    @Column(name = "merged_into_number")
    private String mergedIntoNumber;
    /** Where a pending 上报 / 下转 goes (the receiving territory), else null. */
    @Column(name = "pending_hop_to")
    private String pendingHopTo;
    /** The level that finally handled it: set when it is accepted. */
    @Column(name = "handled_level")
    @Enumerated(EnumType.STRING)
    private Level handledLevel;
    /** Position in the screening queue: flagged topics first, in the order they were flagged, then the oldest. */
    @Column(name = "queue_at")
    private Instant queueAt;
    @Version
    private long version;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Topic() {
    }

    /**
     * A new topic, submitted (with its number) or saved as a draft (number null).
     *
     * @param filedBy who filed it for the proposer (proxy intake), or null
     */
    public static Topic create(String number, String title, String description, List<String> themes,
                               String territoryCode, Level level, Channel channel,
                               String proposer, String proposerName, String contactPhone, String filedBy, boolean anonymous) {
        Topic t = new Topic();
        t.id = UUID.randomUUID();
        // A resident filed for by a grid worker may have no login: the topic still has a proposer of its own.
        t.proposer = proposer != null ? proposer : "proxy:" + t.id;
        t.proposerName = proposerName;
        t.contactPhone = contactPhone;
        t.filedBy = filedBy;
        t.anonymous = anonymous;
        t.number = number;
        t.title = title;
        t.description = description;
        t.themes = themes == null ? new ArrayList<>() : new ArrayList<>(themes);
        t.territoryCode = territoryCode;
        t.level = level;
        t.channel = channel;
        t.status = number == null ? TopicStatus.DRAFT : TopicStatus.SUBMITTED;
        t.createdAt = now();
        t.updatedAt = t.createdAt;
        t.queueAt = t.createdAt;
        return t;
    }

    /** A draft is submitted: it takes its number, and its time in the queue starts now. */
    public void submitDraft(String number) {
        status = move(TopicStatus.Action.SUBMIT);
        this.number = number;
        createdAt = now();
        updatedAt = createdAt;
        queueAt = createdAt;
    }

    /** 上报 (up) or 下转 (down) to another territory: waits there until it is received or returned. */
    public void sendTo(String territory, boolean up) {
        status = move(up ? TopicStatus.Action.ESCALATE : TopicStatus.Action.HAND_DOWN);
        pendingHopTo = territory;
        updatedAt = now();
    }

    /** The receiving level takes it: it now belongs there and waits for screening at that level. */
    public void received(String territory, Level atLevel) {
        status = move(TopicStatus.Action.RECEIVE);
        territoryCode = territory;
        level = atLevel;
        pendingHopTo = null;
        updatedAt = now();
        queueAt = updatedAt;
    }

    /** The receiving level returns it: it waits for screening where it was. */
    public void returned() {
        status = move(TopicStatus.Action.RETURN);
        pendingHopTo = null;
        updatedAt = now();
    }

    /** A move of the state machine; a merged topic refuses every move and names the topic it lives on in. */
    private TopicStatus move(TopicStatus.Action action) {
        if (status == TopicStatus.MERGED) {
            throw org.shangliang.commons.problem.ApiException.illegalTransition(org.shangliang.commons.problem.Text.of(
                    "议题已并入 " + mergedIntoNumber + "（" + mergedInto + "），不能再执行 " + action + "；请在该议题上办理",
                    "The topic was merged into " + mergedIntoNumber + " (" + mergedInto + "); " + action + " is not allowed here: act on that topic"));
        }
        return status.next(action);
    }

    /** 合并: this topic lives on in {@code survivor}. */
    public void mergeInto(Topic survivor, String note) {
        if (survivor.id.equals(id)) {
            throw org.shangliang.commons.problem.ApiException.unprocessable("into", org.shangliang.commons.problem.Text.of("议题不能并入自身", "A topic cannot be merged into itself"));
        }
        status = move(TopicStatus.Action.MERGE);
        mergedInto = survivor.id;
        mergedIntoNumber = survivor.number;
        screened(note);
    }

    /** 撤回 by the proposer, with their reason. */
    public void withdraw(String reason) {
        status = move(TopicStatus.Action.WITHDRAW);
        screened(reason);
    }

    /** 转为意见建议: not consulted, passed on as an opinion with a note. */
    public void convert(String note) {
        status = move(TopicStatus.Action.CONVERT);
        screened(note);
    }

    /** The proposer, or whoever filed the topic for them. */
    /** 上传附件: allowed until the topic is scheduled (a 409 naming the allowed moves otherwise); the topic itself does not change. */
    public void requireAttachable() {
        move(TopicStatus.Action.ATTACH);
    }

    public boolean isAuthor(String subject) {
        return subject != null && (subject.equals(proposer) || subject.equals(filedBy));
    }

    public void edit(String title, String description, List<String> themes) {
        status = move(TopicStatus.Action.EDIT);
        this.title = title;
        this.description = description;
        this.themes = themes == null ? new ArrayList<>() : new ArrayList<>(themes);
        updatedAt = now();
    }

    public void accept(String note) {
        status = move(TopicStatus.Action.ACCEPT);
        handledLevel = level;
        screened(note);
    }

    public void reject(String reason) {
        status = move(TopicStatus.Action.REJECT);
        screened(reason);
    }

    /** @return true when the reported stage moved the topic forward */
    public boolean advanceTo(TopicStatus reported) {
        TopicStatus next = status.advancedTo(reported);
        if (next == status) return false;
        status = next;
        updatedAt = now();
        return true;
    }

    /** @return true when the topic went back to ACCEPTED because no session holds it any more */
    public boolean unschedule() {
        TopicStatus next = status.unscheduled();
        if (next == status) return false;
        status = next;
        updatedAt = now();
        return true;
    }

    private void screened(String note) {
        screeningNote = note;
        screenedAt = now();
        updatedAt = screenedAt;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** 附议 is possible while the topic waits for screening or after it is accepted, not after the loop moved on. */
    public boolean acceptsSupport() {
        return status == TopicStatus.SUBMITTED || status == TopicStatus.ACCEPTED;
    }

    public boolean isPublic() {
        return status != TopicStatus.DRAFT && !TopicStatus.PRIVATE.contains(status);
    }

    public UUID id() { return id; }
    public String proposer() { return proposer; }
    public String proposerName() { return proposerName; }
    public String contactPhone() { return contactPhone; }
    public int supportCount() { return supportCount; }
    public String filedBy() { return filedBy; }
    public boolean anonymous() { return anonymous; }
    public Instant flaggedAt() { return flaggedAt; }
    public Instant queueAt() { return queueAt; }
    public String pendingHopTo() { return pendingHopTo; }
    public UUID mergedInto() { return mergedInto; }
    public String mergedIntoNumber() { return mergedIntoNumber; }
    public Level handledLevel() { return handledLevel; }
    public String number() { return number; }
    public String title() { return title; }
    public String description() { return description; }
    public List<String> themes() { return List.copyOf(themes); }
    public String territoryCode() { return territoryCode; }
    public Level level() { return level; }
    public Channel channel() { return channel; }
    public TopicStatus status() { return status; }
    public String screeningNote() { return screeningNote; }
    public Instant screenedAt() { return screenedAt; }
    public long version() { return version; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
