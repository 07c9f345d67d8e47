package org.shangliang.sessions.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Text;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** ConsultationSession — 协商会: a meeting with an agenda of accepted topics. */
@Entity
@Table(name = "consultation_session")
public class ConsultationSession {

    @Id
    private UUID id;
    private String title;
    @Enumerated(EnumType.STRING)
    private SessionType type;
    @Enumerated(EnumType.STRING)
    private SessionMode mode;
    @Column(name = "territory_code")
    private String territoryCode;
    @Column(name = "starts_at")
    private Instant startsAt;
    @Column(name = "ends_at")
    private Instant endsAt;
    /** 签到码: shown in the hall; a participant checks in from their phone with it. */
    @Column(name = "check_in_code")
    private String checkInCode;
    private String venue;
    private String host;
    @Column(name = "previous_round_id")
    private UUID previousRoundId;
    @Enumerated(EnumType.STRING)
    private SessionStatus status;
    @Enumerated(EnumType.STRING)
    private Visibility visibility;
    @Column(name = "cancel_reason")
    private String cancelReason;
    @Column(name = "postponed_reason")
    private String postponedReason;
    @Column(name = "reschedule_count")
    private int rescheduleCount;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "concluded_at")
    private Instant concludedAt;
    @Column(name = "created_by")
    private String createdBy;
    @Version
    private long version;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @OneToMany(mappedBy = "session", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<AgendaItem> agenda = new ArrayList<>();

    private static final SecureRandom CODES = new SecureRandom();

    protected ConsultationSession() {
    }

    public static ConsultationSession schedule(String title, SessionType type, SessionMode mode, String territoryCode,
                                               Instant startsAt, Instant endsAt, String venue, String host, UUID previousRoundId,
                                               Visibility visibility, List<ConsultableTopic> topics, String createdBy) {
        ConsultationSession s = new ConsultationSession();
        s.visibility = visibility;
        s.createdBy = createdBy;
        s.id = UUID.randomUUID();
        s.title = title;
        s.type = type;
        s.mode = mode;
        s.territoryCode = territoryCode;
        s.setTimes(startsAt, endsAt);
        s.checkInCode = String.format("%06d", CODES.nextInt(1_000_000));
        s.venue = venue;
        s.host = host;
        s.previousRoundId = previousRoundId;
        s.status = SessionStatus.SCHEDULED;
        s.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        s.updatedAt = s.createdAt;
        for (ConsultableTopic topic : topics) {
            s.agenda.add(new AgendaItem(s, s.agenda.size() + 1, topic));
        }
        return s;
    }

    /**
     * 议程调整: the agenda becomes {@code lines}, in order — items kept (with a new place, duration and
     * rapporteur), topics and free items added; items not named are removed.
     */
    public void replaceAgenda(List<AgendaLine> lines) {
        status.check(SessionStatus.Action.EDIT_AGENDA);
        java.util.Map<UUID, AgendaItem> current = new java.util.HashMap<>();
        agenda.forEach(i -> current.put(i.id(), i));
        List<AgendaItem> next = new ArrayList<>();
        for (AgendaLine line : lines) {
            AgendaItem item = line.keep() != null ? current.get(line.keep())
                    : line.topic() != null ? new AgendaItem(this, 0, line.topic())
                    : new AgendaItem(this, 0, line.freeTitle());
            item.plan(next.size() + 1, line.plannedMinutes(), line.rapporteur());
            next.add(item);
        }
        agenda.retainAll(next);
        for (AgendaItem item : next) if (!agenda.contains(item)) agenda.add(item);
        agenda.sort(java.util.Comparator.comparingInt(AgendaItem::position));
        updatedAt = now();
    }

    /** 开会: the organizer opens the session in the hall; outcomes can be recorded from now on. */
    public void start() {
        status.check(SessionStatus.Action.START);
        status = SessionStatus.IN_PROGRESS;
        startedAt = now();
        updatedAt = startedAt;
    }

    /** 延期: no new time yet; {@link #reschedule} gives one. */
    public void postpone(String reason) {
        status.check(SessionStatus.Action.POSTPONE);
        status = SessionStatus.POSTPONED;
        postponedReason = reason;
        updatedAt = now();
    }

    /** 改期: a scheduled or postponed session gets a new start time and is SCHEDULED again. */
    public void reschedule(Instant newStartsAt, Instant newEndsAt, String reason) {
        status.check(SessionStatus.Action.RESCHEDULE);
        status = SessionStatus.SCHEDULED;
        // Without a new end time the session keeps its length.
        setTimes(newStartsAt, newEndsAt != null ? newEndsAt : newStartsAt.plus(Duration.between(startsAt, endsAt)));
        if (reason != null) postponedReason = reason;
        rescheduleCount++;
        updatedAt = now();
    }

    /** 结束: the session closes; items without an outcome stay as they are (see {@link #undeliberated}). */
    public void conclude() {
        status.check(SessionStatus.Action.CONCLUDE);
        status = SessionStatus.CONCLUDED;
        concludedAt = now();
        updatedAt = concludedAt;
    }

    /**
     * Marks the item deliberated. While the session is in progress the outcome is on time; after it
     * concluded, it is a late entry (补录), allowed only until {@code lateUntil}.
     *
     * @return true when the outcome is a late entry
     */
    public boolean outcomeRecorded(AgendaItem item, Duration lateWindow) {
        status.check(SessionStatus.Action.RECORD_OUTCOME);
        boolean late = status == SessionStatus.CONCLUDED;
        if (late && Instant.now().isAfter(concludedAt.plus(lateWindow))) {
            throw ApiException.conflict(Text.of("协商会结束 " + lateWindow.toDays() + " 天后不能再补录协商成果",
                    "An outcome can be recorded up to " + lateWindow.toDays() + " days after the session concluded"));
        }
        item.deliberated();
        updatedAt = now();
        return late;
    }

    /** The topics on the agenda, in order (free items have none). */
    public List<UUID> topicIds() {
        return agenda.stream().filter(AgendaItem::isTopic).map(AgendaItem::topicId).toList();
    }

    /** Topic items that have no outcome yet (a free item never has one). */
    public List<AgendaItem> undeliberated() {
        return agenda.stream().filter(i -> i.isTopic() && i.status() != AgendaItem.Status.DELIBERATED).toList();
    }

    public void cancel(String reason) {
        status.check(SessionStatus.Action.CANCEL);
        status = SessionStatus.CANCELLED;
        cancelReason = reason;
        updatedAt = now();
    }

    private void setTimes(Instant start, Instant end) {
        if (!end.isAfter(start)) {
            throw ApiException.unprocessable("endsAt", Text.of("结束时间必须晚于开始时间", "endsAt must be after startsAt"));
        }
        startsAt = start.truncatedTo(ChronoUnit.MICROS);
        endsAt = end.truncatedTo(ChronoUnit.MICROS);
    }

    /** Whether {@code code} is this session's check-in code (constant time: the code is a small secret). */
    public boolean checkInCodeIs(String code) {
        return code != null && MessageDigest.isEqual(checkInCode.getBytes(StandardCharsets.US_ASCII), code.getBytes(StandardCharsets.US_ASCII));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public Optional<AgendaItem> item(UUID itemId) {
        return agenda.stream().filter(i -> i.id().equals(itemId)).findFirst();
    }

    public UUID id() { return id; }
    public String title() { return title; }
    public SessionType type() { return type; }
    public SessionMode mode() { return mode; }
    public String territoryCode() { return territoryCode; }
    public Instant startsAt() { return startsAt; }
    public Instant endsAt() { return endsAt; }
    public String checkInCode() { return checkInCode; }
    public String venue() { return venue; }
    public String host() { return host; }
    public UUID previousRoundId() { return previousRoundId; }
    public SessionStatus status() { return status; }
    public Visibility visibility() { return visibility; }
    public String cancelReason() { return cancelReason; }
    public String postponedReason() { return postponedReason; }
    public int rescheduleCount() { return rescheduleCount; }
    public Instant startedAt() { return startedAt; }
    public Instant concludedAt() { return concludedAt; }
    public long version() { return version; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public List<AgendaItem> agenda() { return List.copyOf(agenda); }
}
