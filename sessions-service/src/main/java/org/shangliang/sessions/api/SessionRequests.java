package org.shangliang.sessions.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shangliang.sessions.domain.ContributionKind;
import org.shangliang.sessions.domain.DecisionRule;
import org.shangliang.sessions.domain.HandlingMode;
import org.shangliang.sessions.domain.Participant;
import org.shangliang.sessions.domain.ParticipantRole;
import org.shangliang.sessions.domain.SessionMode;
import org.shangliang.sessions.domain.SessionType;
import org.shangliang.sessions.domain.Stance;
import org.shangliang.sessions.domain.Visibility;

/** Request bodies of the session API. Server-owned fields (ids, status, times of record) are not here. */
public final class SessionRequests {

    private SessionRequests() {
    }

    @Schema(name = "ScheduleSession", description = "A session (协商会) with accepted topics on its agenda")
    public record ScheduleSession(
            @NotBlank @Size(max = 200) @Schema(example = "惠通村民生议事堂2026年第8次协商：土地确权") String title,
            @NotNull SessionType type,
            @NotNull SessionMode mode,
            @NotNull @Pattern(regexp = "\\d{6}(\\d{3}(\\d{3}(\\d{3})?)?)?", message = "{shangliang.territory}")
            @Schema(description = "Division code of the territory that holds the session", example = "330421003201") String territoryCode,
            @NotNull @Schema(description = "Start time, ISO-8601 (UTC or with offset; the county works in Asia/Shanghai)", example = "2026-12-03T06:30:00Z") Instant startsAt,
            @Schema(description = "End time; two hours after the start when absent (`shangliang.sessions.default-length`). Double booking is an overlap of these times.",
                    example = "2026-12-03T08:30:00Z", nullable = true) Instant endsAt,
            @Size(max = 200) @Schema(example = "惠通村文化礼堂") String venue,
            @Size(max = 100) @Schema(example = "惠民街道政协联络室") String host,
            @Schema(description = "The earlier round of the same matter, if this is a follow-up round", nullable = true) UUID previousRoundId,
            @Schema(description = "PUBLIC (公开, the default) or INTERNAL (内部: the session, its participants, positions and outcomes only for its participants "
                    + "and the staff of its territory; a 404 to anyone else)", nullable = true) Visibility visibility,
            @NotEmpty @Size(max = 20)
            @Schema(description = "Ids of accepted topics, in agenda order; each at most once") List<@NotNull UUID> agenda) {
    }

    @Schema(name = "RecordOutcome", description = "The outcome (协商意见) agreed on one agenda item, as written in the work manual (工作手册)")
    public record RecordOutcome(
            @NotBlank @Size(max = 10000) @Schema(description = "The agreed opinion",
                    example = "在村委换届前召开第三轮协商，邀请县政协、乡贤和农经部门参加；承包户与村民在政策范围内重新确认权属。") String consensus,
            @NotNull DecisionRule decisionRule,
            @DecimalMin("0.5") @DecimalMax("1.0")
            @Schema(description = "For MAJORITY: the share of those who took a side (in favour or against) that must be in favour, e.g. 0.5 or 0.667; "
                    + "in favour must also outnumber those against", example = "0.667", nullable = true) Double majorityThreshold,
            @NotNull @Size(max = 50) List<@NotNull @Valid NewRecommendation> recommendations) {
    }

    @Schema(name = "CorrectOutcome", description = "更正: a new version of a recorded outcome, saying why. Send the whole corrected record: "
            + "a recommendation line with the `id` of one in force keeps it (changed if its text, units or deadline differ), a line without `id` adds one, "
            + "and a recommendation in force left out is withdrawn.")
    public record CorrectOutcome(
            @NotBlank @Size(max = 2000) @Schema(description = "Why the record is corrected (更正说明)", example = "第三轮协商确认的承办时限有误，更正为2027年3月31日") String reason,
            @NotBlank @Size(max = 10000) @Schema(description = "The agreed opinion as corrected") String consensus,
            @NotNull DecisionRule decisionRule,
            @DecimalMin("0.5") @DecimalMax("1.0") @Schema(description = "For MAJORITY, as when recording", nullable = true) Double majorityThreshold,
            @NotNull @Size(max = 50) List<@NotNull @Valid NewRecommendation> recommendations) {
    }

    @Schema(name = "StatePosition", description = "表态: where a present participant stands on an agenda item")
    public record StatePosition(
            @NotNull Stance stance,
            @Size(max = 1000) @Schema(description = "The reservation, objection or remark", example = "同意，但确权面积须经承包户签字确认", nullable = true) String note) {
    }

    @Schema(name = "NewRecommendation", description = "One concrete step with the unit suggested to carry it out")
    public record NewRecommendation(
            @Schema(description = "Only in a correction: the id of the recommendation in force that this line keeps; absent for a new one", nullable = true) UUID id,
            @NotBlank @Size(max = 2000) @Schema(example = "核对二轮承包台账，组织承包户重新确认权属") String text,
            @NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "{shangliang.unit}")
            @Schema(description = "Code of the suggested responsible unit (承办单位) in the directory (`GET /api/v1/directory/units` on topics-service)", example = "agri-rural")
            String unitCode,
            @Size(max = 10) @Schema(description = "Codes of co-handling units (协办单位) in the directory", example = "[\"housing-construction\"]", nullable = true)
            List<@NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "{shangliang.unit}") String> coHandlerCodes,
            @Schema(description = "办理方式: SOLE 单办 (no co-handlers), SPLIT 分办 (each unit answers for its own portion) or JOINT 会办 (the co-handlers advise the lead unit); "
                    + "JOINT when co-handlers are named and this is absent", nullable = true) HandlingMode handlingMode,
            @Schema(description = "Suggested due date; or give workingDays instead", example = "2027-01-31", nullable = true) LocalDate dueDate,
            @Min(1) @Max(365) @Schema(description = "A deadline in working days from assignment (on China's calendar), instead of a due date", example = "20", nullable = true)
            Integer workingDays) {
    }

    @Schema(name = "CancelSession")
    public record CancelSession(@NotBlank @Size(max = 2000) @Schema(example = "台风预警，改期举行") String reason) {
    }

    @Schema(name = "PostponeSession", description = "延期: the session is put off; a new time comes with a reschedule")
    public record PostponeSession(@NotBlank @Size(max = 2000) @Schema(example = "台风预警，延期举行") String reason) {
    }

    @Schema(name = "RescheduleSession", description = "改期: the new start time of a scheduled or postponed session")
    public record RescheduleSession(
            @NotNull @Schema(description = "New start time, ISO-8601 (UTC or with offset)", example = "2026-12-10T06:30:00Z") Instant startsAt,
            @Schema(description = "New end time; when absent the session keeps its length", example = "2026-12-10T08:30:00Z", nullable = true) Instant endsAt,
            @Size(max = 2000) @Schema(description = "Why it moved; kept from the postponement when absent", example = "台风过境后改期", nullable = true) String reason) {
    }

    @Schema(name = "InviteParticipants", description = "邀请参会: one or more people, from the directory or by name")
    public record InviteParticipants(
            @NotEmpty @Size(max = 100) List<@NotNull @Valid NewParticipant> participants,
            @Schema(description = "Invite even those already invited to a session at an overlapping time (the 409 names it); the other session is kept on the record. False when absent",
                    nullable = true) Boolean confirmOverlap) {

        public boolean overlapConfirmed() {
            return Boolean.TRUE.equals(confirmOverlap);
        }
    }

    @Schema(name = "NewParticipant", description = "A member by directory id (name and login from the directory), an official with their unit's code, or anyone by name")
    public record NewParticipant(
            @NotNull ParticipantRole role,
            @Schema(description = "Directory id of a CPPCC member (委员); required for MEMBER", nullable = true) UUID memberId,
            @Size(max = 100) @Schema(description = "Required unless memberId is given", example = "李阿根", nullable = true) String name,
            @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "{shangliang.unit}")
            @Schema(description = "Unit code in the directory; required for DEPARTMENT_OFFICIAL", example = "agri-rural", nullable = true) String unitCode,
            @Size(max = 200) @Schema(description = "The person's login (token subject), so they can answer, check in and state positions themselves; a member's comes from the directory",
                    example = "villager-li-agen", nullable = true) String subject,
            @Size(max = 200) @Schema(description = "Organization or village group", example = "惠通村三组", nullable = true) String affiliation) {
    }

    @Schema(name = "AnswerInvitation", description = "回执: the invited person's own answer")
    public record AnswerInvitation(
            @NotNull @Schema(enumeration = {"ACCEPTED", "DECLINED"}) Participant.Rsvp answer,
            @Size(max = 500) @Schema(example = "外出务工，请假", nullable = true) String note) {
    }

    @Schema(name = "CheckIn", description = "签到 by the organizer: the participants present in the hall")
    public record CheckIn(@NotEmpty @Size(max = 200) List<@NotNull UUID> participantIds) {
    }

    @Schema(name = "SelfCheckIn", description = "签到 by the participant, with the code shown in the hall")
    public record SelfCheckIn(@NotNull @Pattern(regexp = "\\d{6}", message = "must be the six digits shown in the hall") @Schema(example = "482913") String code) {
    }

    @Schema(name = "NewContribution", description = "发言, 部门回应 or 书面意见 on an agenda item, with a summary")
    public record NewContribution(
            @NotNull @Schema(description = "Who spoke or wrote: a participant of the session") UUID participantId,
            @NotNull ContributionKind kind,
            @NotBlank @Size(max = 4000) @Schema(example = "农业农村局：二轮承包台账已全部数字化，可在两周内完成核对；确权面积以实测为准。") String summary) {
    }

    @Schema(name = "EditAgenda", description = "议程调整: the agenda as it is to be, in order. Items not named are removed.")
    public record EditAgenda(@NotEmpty @Size(max = 30) List<@NotNull @Valid AgendaLineRequest> items) {
    }

    @Schema(name = "AgendaLine", description = "Exactly one of: `agendaItemId` (keep an item), `topicId` (add an accepted topic), `title` (add a free item)")
    public record AgendaLineRequest(
            @Schema(description = "An item of the agenda as it is, kept", nullable = true) UUID agendaItemId,
            @Schema(description = "An accepted topic of the session's territory, added (or kept, if already on it)", nullable = true) UUID topicId,
            @Size(max = 120) @Schema(description = "A free item's title", example = "村务情况通报", nullable = true) String title,
            @Min(1) @Max(600) @Schema(description = "Planned duration in minutes", example = "40", nullable = true) Integer plannedMinutes,
            @Size(max = 100) @Schema(description = "主报告人", example = "惠通村村委会主任", nullable = true) String rapporteur) {
    }
}
