package org.shangliang.sessions.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shangliang.sessions.domain.AgendaItem;
import org.shangliang.sessions.domain.ConsultableTopic;
import org.shangliang.sessions.domain.Contribution;
import org.shangliang.sessions.domain.ContributionKind;
import org.shangliang.sessions.domain.ConsultationSession;
import org.shangliang.sessions.domain.Decision;
import org.shangliang.sessions.domain.DecisionRule;
import org.shangliang.sessions.domain.Outcome;
import org.shangliang.sessions.domain.OutcomePosition;
import org.shangliang.sessions.domain.Position;
import org.shangliang.sessions.domain.Participant;
import org.shangliang.sessions.domain.ParticipantRole;
import org.shangliang.sessions.domain.Recommendation;
import org.shangliang.sessions.domain.SessionMode;
import org.shangliang.sessions.domain.SessionStatus;
import org.shangliang.sessions.domain.SessionType;
import org.shangliang.sessions.domain.Stance;
import org.shangliang.sessions.domain.Visibility;
import org.shangliang.sessions.domain.CountyTime;
import org.shangliang.sessions.domain.HandlingMode;

/** What the session API returns. */
public final class SessionViews {

    private SessionViews() {
    }

    @Schema(name = "Session", description = "A consultation session (协商会) and its agenda")
    public record SessionView(UUID id, String title, SessionType type, SessionMode mode, String territoryCode, Instant startsAt,
                              Instant endsAt,
                              @Schema(description = "Start in Asia/Shanghai (北京时间)", example = "2026-12-03T14:30:00+08:00") OffsetDateTime startsAtLocal,
                              @Schema(description = "End in Asia/Shanghai (北京时间)", example = "2026-12-03T16:30:00+08:00") OffsetDateTime endsAtLocal,
                              @Schema(nullable = true) String venue, @Schema(nullable = true) String host, @Schema(nullable = true) UUID previousRoundId,
                              @Schema(description = "SCHEDULED → IN_PROGRESS → CONCLUDED; SCHEDULED → POSTPONED → (rescheduled) SCHEDULED; SCHEDULED or POSTPONED → CANCELLED") SessionStatus status,
                              @Schema(description = "PUBLIC, or INTERNAL: only its participants and the staff of its territory see it") Visibility visibility,
                              @Schema(nullable = true) String cancelReason,
                              @Schema(description = "Why it was postponed or rescheduled", nullable = true) String postponedReason,
                              @Schema(description = "How often the start time moved") int rescheduleCount,
                              @Schema(nullable = true) Instant startedAt, @Schema(nullable = true) Instant concludedAt,
                              @Schema(description = "Opened, in Asia/Shanghai", nullable = true) OffsetDateTime startedAtLocal,
                              @Schema(description = "Closed, in Asia/Shanghai", nullable = true) OffsetDateTime concludedAtLocal,
                              List<SessionStatus.Action> allowedActions, List<AgendaItemView> agenda,
                              @Schema(description = "Also the ETag; send it in If-Match to update") long version,
                              Instant createdAt, Instant updatedAt) {

        public static SessionView of(ConsultationSession s) {
            return new SessionView(s.id(), s.title(), s.type(), s.mode(), s.territoryCode(), s.startsAt(), s.endsAt(),
                    local(s.startsAt()), local(s.endsAt()), s.venue(), s.host(),
                    s.previousRoundId(), s.status(), s.visibility(), s.cancelReason(), s.postponedReason(), s.rescheduleCount(), s.startedAt(), s.concludedAt(),
                    local(s.startedAt()), local(s.concludedAt()),
                    s.status().allowed().stream().sorted().toList(),
                    s.agenda().stream().map(AgendaItemView::of).toList(), s.version(), s.createdAt(), s.updatedAt());
        }
    }

    /** The county's clock (北京时间): what people in the hall read. */
    public static final ZoneId COUNTY_ZONE = CountyTime.ZONE;

    public static OffsetDateTime local(Instant t) {
        return t == null ? null : t.atZone(COUNTY_ZONE).toOffsetDateTime();
    }

    @Schema(name = "Participant", description = "参会人员: an invited person, their answer (回执) and check-in (签到)")
    public record ParticipantView(UUID id, UUID sessionId, ParticipantRole role, @Schema(example = "李阿根") String name,
                                  @Schema(nullable = true) UUID memberId, @Schema(example = "agri-rural", nullable = true) String unitCode,
                                  @Schema(nullable = true) String subject, @Schema(nullable = true) String affiliation,
                                  Participant.Rsvp rsvp, @Schema(nullable = true) String rsvpNote, @Schema(nullable = true) Instant rsvpAt,
                                  @Schema(nullable = true) Instant checkedInAt, @Schema(nullable = true) OffsetDateTime checkedInAtLocal,
                                  @Schema(nullable = true) Participant.CheckedInBy checkedInBy, Instant invitedAt,
                                  @Schema(description = "The session at an overlapping time the organizer knowingly also invited this person to", nullable = true) UUID overlapConfirmedWith) {
        public static ParticipantView of(Participant p) {
            return new ParticipantView(p.id(), p.sessionId(), p.role(), p.name(), p.memberId(), p.unitCode(), p.subject(), p.affiliation(),
                    p.rsvp(), p.rsvpNote(), p.rsvpAt(), p.checkedInAt(), local(p.checkedInAt()), p.checkedInBy(), p.invitedAt(), p.overlapConfirmedWith());
        }
    }

    @Schema(name = "Attendance", description = "The participants of a session and its quorum (法定人数)")
    public record AttendanceView(UUID sessionId, int invited, int declined, int present,
                                 @Schema(description = "Present needed before an outcome can be recorded: the session type's minimum or its share of those expected, whichever is larger") int needed,
                                 boolean quorumMet, List<ParticipantView> participants) {
    }

    @Schema(name = "Contribution", description = "发言 / 部门回应 / 书面意见, numbered in order per agenda item")
    public record ContributionView(UUID id, UUID agendaItemId, @Schema(description = "1, 2, … in the order recorded on the item") int sequence,
                                   ContributionKind kind, UUID participantId, String participantName,
                                   @Schema(description = "The unit a department response speaks for", example = "agri-rural", nullable = true) String unitCode,
                                   String summary, Instant recordedAt, OffsetDateTime recordedAtLocal) {
        public static ContributionView of(Contribution c) {
            return new ContributionView(c.id(), c.agendaItemId(), c.sequence(), c.kind(), c.participantId(), c.participantName(), c.unitCode(),
                    c.summary(), c.recordedAt(), local(c.recordedAt()));
        }
    }

    @Schema(name = "Minutes", description = "纪要: generated from the agenda, attendance, contributions, positions and outcomes. "
            + "Published (final) when the session concludes; before that only the staff of its territory see a draft.")
    public record MinutesView(UUID sessionId, String title, SessionType type, SessionStatus status, Visibility visibility,
                              @Schema(description = "True once the session concluded; a draft before") boolean published,
                              OffsetDateTime startsAtLocal, OffsetDateTime endsAtLocal,
                              @Schema(nullable = true) OffsetDateTime startedAtLocal, @Schema(nullable = true) OffsetDateTime concludedAtLocal,
                              @Schema(nullable = true) String venue, @Schema(nullable = true) String host,
                              MinutesAttendance attendance, List<MinutesItem> items) {
    }

    @Schema(name = "MinutesAttendance", description = "Who was there (应到 / 实到 / 请假)")
    public record MinutesAttendance(int invited, int present, int declined, List<ParticipantView> presentParticipants,
                                    @Schema(description = "Invited, not present") List<ParticipantView> absentParticipants) {
    }

    @Schema(name = "MinutesItem", description = "An agenda item in the minutes: what was said, in order, and the outcome in force")
    public record MinutesItem(int position, UUID agendaItemId, @Schema(nullable = true) UUID topicId, @Schema(nullable = true) String topicNumber, String topicTitle,
                              List<ContributionView> contributions, @Schema(nullable = true) OutcomeView outcome) {
    }

    @Schema(name = "SessionStatistics", description = "统计 of a year's sessions in a territory, per township and session type")
    public record StatisticsView(@Schema(example = "2026") int year, @Schema(example = "330421") String territoryCode, List<StatisticsRow> rows) {
    }

    @Schema(name = "SessionStatisticsRow", description = "One township (nine-digit code; a county session counts under the county's six) and session type")
    public record StatisticsRow(@Schema(example = "330421003") String township, SessionType type,
                                @Schema(description = "Not cancelled") long scheduled, @Schema(description = "Concluded") long held, long cancelled,
                                @Schema(description = "Of held sessions: invited and not declined") long expected, @Schema(description = "Of held sessions: checked in") long present,
                                @Schema(description = "present / expected, or null when nobody was expected", nullable = true) Double attendanceRate,
                                long speeches, @Schema(description = "部门回应: how often departments took the microphone") long departmentResponses,
                                long writtenSubmissions, @Schema(description = "Agenda items with an outcome (the version in force)") long outcomes,
                                @Schema(description = "Of those, agreed by consensus (not counted as failed)") long consensusOutcomes,
                                @Schema(description = "consensusOutcomes / outcomes, or null when there are none", nullable = true) Double consensusShare) {
    }

    @Schema(name = "FeedToken", description = "A personal calendar feed: subscribe to `url` in a calendar app. Shown once; asking again replaces it.")
    public record FeedTokenView(@Schema(description = "The secret in the link") String token,
                                @Schema(description = "The feed's path on this service", example = "/api/v1/calendar/feeds/3q2x….ics") String url) {
    }

    @Schema(name = "CheckInCode", description = "签到码 to show in the hall; participants check in with it from their phones")
    public record CheckInCodeView(UUID sessionId, @Schema(example = "482913") String code) {
    }

    @Schema(name = "AgendaItem", description = "An accepted topic on the agenda, or a free item (no topic, only a title)")
    public record AgendaItemView(UUID id, int position, @Schema(description = "Null for a free item", nullable = true) UUID topicId,
                                 @Schema(example = "YT-2026-0042", nullable = true) String topicNumber,
                                 @Schema(description = "The topic's title, or the free item's") String topicTitle, AgendaItem.Status status,
                                 @Schema(description = "Planned duration in minutes", example = "40", nullable = true) Integer plannedMinutes,
                                 @Schema(description = "主报告人", example = "惠通村村委会主任", nullable = true) String rapporteur,
                                 @Schema(description = "The topic this item's topic was merged into after it was put on the agenda (并案)", nullable = true) UUID mergedIntoTopicId,
                                 @Schema(example = "YT-2026-0040", nullable = true) String mergedIntoNumber) {
        static AgendaItemView of(AgendaItem i) {
            return new AgendaItemView(i.id(), i.position(), i.topicId(), i.topicNumber(), i.topicTitle(), i.status(), i.plannedMinutes(), i.rapporteur(),
                    i.mergedIntoTopicId(), i.mergedIntoNumber());
        }
    }

    @Schema(name = "Outcome", description = "An official record: never edited; a correction is a new version that says what changed and why")
    public record OutcomeView(UUID id, UUID sessionId, UUID agendaItemId, UUID topicId, int version, String consensus,
                              DecisionRule decisionRule,
                              @Schema(description = "For MAJORITY: the share of those who took a side that had to be in favour", nullable = true) Double majorityThreshold,
                              DecisionView decision,
                              List<RecommendationView> recommendations,
                              @Schema(description = "Each present participant's position as it stood when this version was recorded") List<OutcomePositionView> positions,
                              Instant recordedAt, @Schema(description = "Recorded, in Asia/Shanghai") OffsetDateTime recordedAtLocal,
                              @Schema(description = "Who recorded it (记录人)", example = "惠民街道联络室", nullable = true) String recordedBy,
                              @Schema(description = "Recorded after the session concluded (补录)") boolean late,
                              @Schema(description = "Why this version corrects the one before (更正说明); null for version 1", nullable = true) String correctionReason,
                              @Schema(description = "What this version changed against the one before; null for version 1", nullable = true) ChangesView changes) {
        public static OutcomeView of(Outcome o, Outcome.Changes changes) {
            return new OutcomeView(o.id(), o.agendaItem().session().id(), o.agendaItem().id(), o.agendaItem().topicId(), o.version(),
                    o.consensus(), o.decisionRule(), o.majorityThreshold(), DecisionView.of(o),
                    o.recommendations().stream().map(RecommendationView::of).toList(),
                    o.positions().stream().map(OutcomePositionView::of).toList(), o.recordedAt(), local(o.recordedAt()),
                    o.recordedByName(), o.late(), o.correctionReason(), changes == null ? null : ChangesView.of(changes));
        }
    }

    @Schema(name = "Decision", description = "Whether the decision rule was met, counted from the positions of those present. "
            + "CONSENSUS: nobody objects and someone is in favour. MAJORITY: in favour at least the threshold of those who took a side, and more than those against.")
    public record DecisionView(@Schema(description = "Null when nobody's position was taken (agreed by acclamation, 未逐人表态): nothing was counted", nullable = true) Boolean met,
                               int present, int inFavour,
                               @Schema(description = "Of those in favour, how many with reservations") int withReservations,
                               int objecting, int abstaining, @Schema(description = "Present but no position taken") int notStated) {
        static DecisionView of(Outcome o) {
            Decision d = Decision.of(o.decisionRule(), o.majorityThreshold(), o.presentCount(), o.positions().stream().map(OutcomePosition::stance).toList());
            return new DecisionView(o.decisionMet(), d.present(), d.inFavour(), d.withReservations(), d.objecting(), d.abstaining(), d.notStated());
        }
    }

    @Schema(name = "OutcomeChanges", description = "更正内容: what a correction changed, by stable recommendation id")
    public record ChangesView(boolean consensusChanged, List<UUID> changed, List<UUID> added, List<UUID> withdrawn) {
        static ChangesView of(Outcome.Changes c) {
            return new ChangesView(c.consensusChanged(), c.changed(), c.added(), c.withdrawn());
        }
    }

    @Schema(name = "OutcomePosition", description = "A participant's position in the record of an outcome version")
    public record OutcomePositionView(UUID participantId, String participantName, ParticipantRole participantRole, Stance stance,
                                      @Schema(nullable = true) String note,
                                      @Schema(description = "Stated by the organizer on the participant's behalf") boolean onBehalf, Instant recordedAt) {
        static OutcomePositionView of(OutcomePosition p) {
            return new OutcomePositionView(p.participantId(), p.participantName(), p.participantRole(), p.stance(), p.note(), p.onBehalf(), p.recordedAt());
        }
    }

    @Schema(name = "Position", description = "表态: a present participant's current position on an agenda item")
    public record PositionView(UUID agendaItemId, UUID participantId, String participantName, Stance stance, @Schema(nullable = true) String note,
                               @Schema(description = "Stated by the organizer on the participant's behalf") boolean onBehalf, Instant recordedAt,
                               OffsetDateTime recordedAtLocal) {
        public static PositionView of(Position p, Participant participant) {
            return new PositionView(p.agendaItemId(), p.participantId(), participant.name(), p.stance(), p.note(), p.onBehalf(), p.recordedAt(),
                    local(p.recordedAt()));
        }
    }

    @Schema(name = "Recommendation")
    public record RecommendationView(@Schema(description = "Stable across the versions of the outcome: a correction keeps it, and the case (办理件) is found by it") UUID id,
                                     int position, String text,
                                     @Schema(description = "The suggested unit's directory code", example = "agri-rural", nullable = true) String unitCode,
                                     @Schema(description = "The unit's name when the outcome was recorded", example = "县农业农村局") String suggestedUnit,
                                     @Schema(description = "Co-handling units' codes (协办单位)") List<String> coHandlerCodes,
                                     @Schema(description = "办理方式 as given (SOLE, SPLIT, JOINT); null: JOINT with co-handlers, SOLE without", nullable = true) HandlingMode handlingMode,
                                     @Schema(nullable = true) LocalDate dueDate,
                                     @Schema(description = "A deadline in working days from assignment, instead of a due date", nullable = true) Integer workingDays) {
        static RecommendationView of(Recommendation r) {
            return new RecommendationView(r.recommendationId(), r.position(), r.text(), r.unitCode(), r.suggestedUnit(), r.coHandlerCodes(), r.handlingMode(), r.dueDate(), r.workingDays());
        }
    }

    @Schema(name = "Round", description = "One round (轮次) of a matter consulted more than once, with the outcomes in force of its agenda items")
    public record RoundView(@Schema(description = "1 for the first round", example = "3") int round, UUID sessionId, String title, SessionStatus status,
                            Instant startsAt, @Schema(description = "Start in Asia/Shanghai") OffsetDateTime startsAtLocal,
                            @Schema(nullable = true) UUID previousRoundId, List<RoundItemView> items) {
    }

    @Schema(name = "RoundItem", description = "An agenda item of a round and its outcome in force (null when none was recorded)")
    public record RoundItemView(UUID agendaItemId, @Schema(nullable = true) UUID topicId, @Schema(example = "YT-2026-0042", nullable = true) String topicNumber, String topicTitle,
                                @Schema(nullable = true) OutcomeView outcome) {
    }

    @Schema(name = "ConsultableTopic", description = "An accepted topic that may be put on an agenda")
    public record ConsultableTopicView(UUID topicId, String number, String title, String territoryCode,
                                       @Schema(description = "Level the topic is to be consulted at", enumeration = {"VILLAGE", "TOWNSHIP", "COUNTY", "CROSS_REGION"}) String level,
                                       Instant acceptedAt) {
        public static ConsultableTopicView of(ConsultableTopic t) {
            return new ConsultableTopicView(t.topicId(), t.number(), t.title(), t.territoryCode(), t.level(), t.acceptedAt());
        }
    }
}
