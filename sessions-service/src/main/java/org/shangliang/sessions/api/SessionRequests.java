package org.shangliang.sessions.api;

import jakarta.validation.Valid;
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
import org.shangliang.sessions.domain.DecisionRule;
import org.shangliang.sessions.domain.SessionMode;
import org.shangliang.sessions.domain.SessionType;

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
            @Size(max = 200) @Schema(example = "惠通村文化礼堂") String venue,
            @Size(max = 100) @Schema(example = "惠民街道政协联络室") String host,
            @Schema(description = "The earlier round of the same matter, if this is a follow-up round", nullable = true) UUID previousRoundId,
            @NotEmpty @Size(max = 20)
            @Schema(description = "Ids of accepted topics, in agenda order; each at most once") List<@NotNull UUID> agenda) {
    }

    @Schema(name = "RecordOutcome", description = "The outcome (协商意见) agreed on one agenda item, as written in the work manual (工作手册)")
    public record RecordOutcome(
            @NotBlank @Size(max = 10000) @Schema(description = "The agreed opinion",
                    example = "在村委换届前召开第三轮协商，邀请县政协、乡贤和农经部门参加；承包户与村民在政策范围内重新确认权属。") String consensus,
            @NotNull DecisionRule decisionRule,
            @NotNull @Size(max = 50) List<@NotNull @Valid NewRecommendation> recommendations) {
    }

    @Schema(name = "NewRecommendation", description = "One concrete step with the unit suggested to carry it out")
    public record NewRecommendation(
            @NotBlank @Size(max = 2000) @Schema(example = "核对二轮承包台账，组织承包户重新确认权属") String text,
            @NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "{shangliang.unit}")
            @Schema(description = "Code of the suggested responsible unit (承办单位) in the directory (`GET /api/v1/directory/units` on topics-service)", example = "agri-rural")
            String unitCode,
            @Schema(description = "Suggested due date", example = "2027-01-31", nullable = true) LocalDate dueDate) {
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
            @Size(max = 2000) @Schema(description = "Why it moved; kept from the postponement when absent", example = "台风过境后改期", nullable = true) String reason) {
    }
}
