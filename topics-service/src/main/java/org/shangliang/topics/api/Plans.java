package org.shangliang.topics.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shangliang.topics.domain.ConsultationForm;
import org.shangliang.topics.domain.ConsultationPlan;
import org.shangliang.topics.domain.PlanItem;
import org.shangliang.topics.domain.PlanRepository.Amendment;
import org.shangliang.topics.domain.PlanStatus;
import org.shangliang.topics.domain.Topic;
import org.shangliang.topics.domain.TopicStatus;

/** Requests and views of the annual consultation plan (年度协商计划). */
public final class Plans {

    private Plans() {
    }

    @Schema(name = "NewPlan", description = "A plan for a year and a territory (one per year and territory)")
    public record NewPlan(
            @NotNull @Min(2000) @Max(2100) @Schema(example = "2026") Integer year,
            @NotNull @Pattern(regexp = "\\d{6}(\\d{3})?", message = "{shangliang.territory}")
            @Schema(description = "A county or township division code", example = "330421") String territoryCode,
            @NotBlank @Size(max = 200) @Schema(example = "嘉善县政协2026年度协商计划") String title) {
    }

    @Schema(name = "PlanItemRequest", description = "One topic of the plan: an accepted topic of the plan's territory, when and how to consult on it")
    public record PlanItemRequest(
            @NotNull UUID topicId,
            @Min(1) @Max(4) @Schema(description = "Planned quarter, 1 to 4", nullable = true, example = "2") Integer quarter,
            @Schema(description = "Planned form of consultation", nullable = true) ConsultationForm form,
            @Size(max = 500) @Schema(nullable = true, example = "会同县农业农村局") String note) {
    }

    @Schema(name = "PlanItems", description = "Every topic of the plan, in the plan's order: adds, removes, reorders and places in one call")
    public record PlanItems(
            @NotNull @Size(max = 200) List<@Valid @NotNull PlanItemRequest> items,
            @Size(max = 1000) @Schema(description = "Required once the plan is published: why it is amended (修订理由), recorded with the change",
                    nullable = true, example = "县委新增一项重点协商议题") String amendmentReason) {
    }

    @Schema(name = "PlanItem", description = "A topic in the plan")
    public record PlanItemView(
            @Schema(description = "1-based place in the plan's order", example = "1") int position,
            UUID topicId,
            @Schema(example = "YT-2026-0042") String number,
            String title,
            List<String> themes,
            String territoryCode,
            TopicStatus topicStatus,
            @Schema(nullable = true) Integer quarter,
            @Schema(nullable = true) ConsultationForm form,
            @Schema(nullable = true) String note) {

        public static PlanItemView of(PlanItem i, Topic t) {
            return new PlanItemView(i.position(), i.topicId(), t.number(), t.title(), t.themes(), t.territoryCode(), t.status(), i.quarter(),
                    i.form(), i.note());
        }
    }

    @Schema(name = "Plan", description = "An annual consultation plan (年度协商计划)")
    public record PlanView(
            UUID id,
            int year,
            String territoryCode,
            String title,
            @Schema(description = "DRAFT → APPROVED (a leader) → PUBLISHED; changed only by amendment once published") PlanStatus status,
            @Schema(description = "What may be done to the plan now (by someone allowed to)") List<PlanStatus.Action> allowedActions,
            @Schema(description = "Also the ETag; send it back in If-Match") long version,
            @Schema(nullable = true) String approvedBy,
            @Schema(nullable = true) Instant approvedAt,
            @Schema(nullable = true) Instant publishedAt,
            Instant createdAt,
            Instant updatedAt,
            List<PlanItemView> items) {

        public static PlanView of(ConsultationPlan p, Map<UUID, Topic> topics) {
            return new PlanView(p.id(), p.year(), p.territoryCode(), p.title(), p.status(), p.status().allowed().stream().sorted().toList(),
                    p.version(), p.approvedBy(), p.approvedAt(), p.publishedAt(), p.createdAt(), p.updatedAt(),
                    p.items().stream().map(i -> PlanItemView.of(i, topics.get(i.topicId()))).toList());
        }
    }

    @Schema(name = "PlanAmendment", description = "One recorded change of a published plan (修订)")
    public record AmendmentView(int number, String reason, @Schema(description = "What changed, in words", example = "新增 YT-2026-0042；YT-2026-0007 移至第 3 季度") String change,
                                @Schema(nullable = true) String byName, Instant at) {

        public static AmendmentView of(Amendment a) {
            return new AmendmentView(a.number(), a.reason(), a.change(), a.byName(), a.at());
        }
    }

    @Schema(name = "PlanStatistics", description = "Counts and shares of a plan's topics (shares of the plan's topics, 0 to 1)")
    public record PlanStatistics(
            UUID planId,
            @Schema(example = "34") int topics,
            @Schema(description = "By theme; a topic with two themes counts under each") List<Share> byTheme,
            List<Share> byChannel,
            List<Share> byLevel,
            @Schema(description = "By township (9-digit code); county-level topics under the county's code") List<Share> byTownship,
            @Schema(description = "The theme asked for with `theme`", nullable = true) Share chosenTheme) {
    }

    @Schema(name = "Share", description = "How many of the plan's topics, and what share of them")
    public record Share(@Schema(example = "示范区") String key, @Schema(example = "22") int count, @Schema(example = "0.6471") double share,
                        @Schema(description = "The share in whole percent, rounded", example = "65") int percent) {

        public static Share of(String key, int count, int total) {
            double share = total == 0 ? 0 : (double) count / total;
            return new Share(key, count, Math.round(share * 10_000) / 10_000.0, (int) Math.round(share * 100));
        }
    }
}
