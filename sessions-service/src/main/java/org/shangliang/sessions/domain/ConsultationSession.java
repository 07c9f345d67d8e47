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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
    private String venue;
    private String host;
    @Column(name = "previous_round_id")
    private UUID previousRoundId;
    @Enumerated(EnumType.STRING)
    private SessionStatus status;
    @Column(name = "cancel_reason")
    private String cancelReason;
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

    protected ConsultationSession() {
    }

    public static ConsultationSession schedule(String title, SessionType type, SessionMode mode, String territoryCode,
                                               Instant startsAt, String venue, String host, UUID previousRoundId,
                                               List<ConsultableTopic> topics, String createdBy) {
        ConsultationSession s = new ConsultationSession();
        s.createdBy = createdBy;
        s.id = UUID.randomUUID();
        s.title = title;
        s.type = type;
        s.mode = mode;
        s.territoryCode = territoryCode;
        s.startsAt = startsAt.truncatedTo(ChronoUnit.MICROS);
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

    /** Marks the item deliberated; the session is HELD once every item is. */
    public void outcomeRecorded(AgendaItem item) {
        status.check(SessionStatus.Action.RECORD_OUTCOME);
        item.deliberated();
        if (agenda.stream().allMatch(i -> i.status() == AgendaItem.Status.DELIBERATED)) {
            status = SessionStatus.HELD;
        }
        updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public void cancel(String reason) {
        status.check(SessionStatus.Action.CANCEL);
        status = SessionStatus.CANCELLED;
        cancelReason = reason;
        updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
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
    public String venue() { return venue; }
    public String host() { return host; }
    public UUID previousRoundId() { return previousRoundId; }
    public SessionStatus status() { return status; }
    public String cancelReason() { return cancelReason; }
    public long version() { return version; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public List<AgendaItem> agenda() { return List.copyOf(agenda); }
}
