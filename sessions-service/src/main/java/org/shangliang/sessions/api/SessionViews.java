package org.shangliang.sessions.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shangliang.sessions.domain.AgendaItem;
import org.shangliang.sessions.domain.ConsultableTopic;
import org.shangliang.sessions.domain.ConsultationSession;
import org.shangliang.sessions.domain.DecisionRule;
import org.shangliang.sessions.domain.Outcome;
import org.shangliang.sessions.domain.Recommendation;
import org.shangliang.sessions.domain.SessionMode;
import org.shangliang.sessions.domain.SessionStatus;
import org.shangliang.sessions.domain.SessionType;

/** What the session API returns. */
public final class SessionViews {

    private SessionViews() {
    }

    @Schema(name = "Session", description = "A consultation session (协商会) and its agenda")
    public record SessionView(UUID id, String title, SessionType type, SessionMode mode, String territoryCode, Instant startsAt,
                              @Schema(nullable = true) String venue, @Schema(nullable = true) String host, @Schema(nullable = true) UUID previousRoundId,
                              @Schema(description = "SCHEDULED → IN_PROGRESS → CONCLUDED; SCHEDULED → POSTPONED → (rescheduled) SCHEDULED; SCHEDULED or POSTPONED → CANCELLED") SessionStatus status,
                              @Schema(nullable = true) String cancelReason,
                              @Schema(description = "Why it was postponed or rescheduled", nullable = true) String postponedReason,
                              @Schema(description = "How often the start time moved") int rescheduleCount,
                              @Schema(nullable = true) Instant startedAt, @Schema(nullable = true) Instant concludedAt,
                              List<SessionStatus.Action> allowedActions, List<AgendaItemView> agenda,
                              @Schema(description = "Also the ETag; send it in If-Match to update") long version,
                              Instant createdAt, Instant updatedAt) {

        public static SessionView of(ConsultationSession s) {
            return new SessionView(s.id(), s.title(), s.type(), s.mode(), s.territoryCode(), s.startsAt(), s.venue(), s.host(),
                    s.previousRoundId(), s.status(), s.cancelReason(), s.postponedReason(), s.rescheduleCount(), s.startedAt(), s.concludedAt(),
                    s.status().allowed().stream().sorted().toList(),
                    s.agenda().stream().map(AgendaItemView::of).toList(), s.version(), s.createdAt(), s.updatedAt());
        }
    }

    @Schema(name = "AgendaItem")
    public record AgendaItemView(UUID id, int position, UUID topicId, @Schema(example = "YT-2026-0042") String topicNumber,
                                 String topicTitle, AgendaItem.Status status) {
        static AgendaItemView of(AgendaItem i) {
            return new AgendaItemView(i.id(), i.position(), i.topicId(), i.topicNumber(), i.topicTitle(), i.status());
        }
    }

    @Schema(name = "Outcome", description = "An official record: never edited; a correction is a new version")
    public record OutcomeView(UUID id, UUID sessionId, UUID agendaItemId, UUID topicId, int version, String consensus,
                              DecisionRule decisionRule, List<RecommendationView> recommendations, Instant recordedAt,
                              @Schema(description = "Who recorded it (记录人)", example = "惠民街道联络室", nullable = true) String recordedBy,
                              @Schema(description = "Recorded after the session concluded (补录)") boolean late) {
        public static OutcomeView of(Outcome o) {
            return new OutcomeView(o.id(), o.agendaItem().session().id(), o.agendaItem().id(), o.agendaItem().topicId(), o.version(),
                    o.consensus(), o.decisionRule(), o.recommendations().stream().map(RecommendationView::of).toList(), o.recordedAt(),
                    o.recordedByName(), o.late());
        }
    }

    @Schema(name = "Recommendation")
    public record RecommendationView(UUID id, int position, String text,
                                     @Schema(description = "The suggested unit's directory code", example = "agri-rural", nullable = true) String unitCode,
                                     @Schema(description = "The unit's name when the outcome was recorded", example = "县农业农村局") String suggestedUnit,
                                     @Schema(nullable = true) LocalDate dueDate) {
        static RecommendationView of(Recommendation r) {
            return new RecommendationView(r.id(), r.position(), r.text(), r.unitCode(), r.suggestedUnit(), r.dueDate());
        }
    }

    @Schema(name = "Round", description = "One round (轮次) of a matter consulted more than once, with the outcomes in force of its agenda items")
    public record RoundView(@Schema(description = "1 for the first round", example = "3") int round, UUID sessionId, String title, SessionStatus status,
                            Instant startsAt, @Schema(nullable = true) UUID previousRoundId, List<RoundItemView> items) {
    }

    @Schema(name = "RoundItem", description = "An agenda item of a round and its outcome in force (null when none was recorded)")
    public record RoundItemView(UUID agendaItemId, UUID topicId, @Schema(example = "YT-2026-0042") String topicNumber, String topicTitle,
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
