package org.shangliang.followup.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shangliang.followup.domain.ResolutionDegree;
import org.shangliang.followup.domain.Satisfaction;

/** Request bodies of the case API: one per move, each carrying what that move needs. */
public final class CaseRequests {

    private CaseRequests() {
    }

    @Schema(name = "RequestReturn", description = "申退: the lead unit asks to hand the case back, saying why")
    public record RequestReturn(@NotBlank @Size(max = 2000)
                                @Schema(example = "土地确权测绘属自然资源和规划局职责，建议改派") String reason) {
    }

    @Schema(name = "ReassignCase", description = "改派: staff give the case to another lead unit, which must sign for it")
    public record ReassignCase(
            @NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "{shangliang.unit}")
            @Schema(description = "The new lead unit's directory code", example = "natural-resources") String unitCode,
            @NotBlank @Size(max = 2000) @Schema(example = "同意申退，改由县自然资源和规划局主办") String reason) {
    }

    @Schema(name = "InsistOnAssignment", description = "坚持交办: staff refuse the return request; the unit must sign for the case")
    public record InsistOnAssignment(@NotBlank @Size(max = 2000)
                                     @Schema(example = "二轮承包台账由农业农村局保管，仍由你局主办") String note) {
    }

    @Schema(name = "Evidence", description = "佐证材料: metadata of an evidence file kept in the unit's own store (the file is not uploaded here)")
    public record EvidenceRequest(
            @NotBlank @Size(max = 200) @Schema(example = "惠通村确权公示照片.jpg") String name,
            @Size(max = 100) @Schema(example = "image/jpeg", nullable = true) String contentType,
            @PositiveOrZero @Schema(example = "284113", nullable = true) Long sizeBytes,
            @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex digits") @Schema(description = "SHA-256 of the file, hex", nullable = true) String sha256,
            @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") @Schema(example = "https://oa.jiashan.gov.cn/files/8812", nullable = true) String uri) {
    }

    @Schema(name = "ReportProgress", description = "办理进展: what was done, how far along (0–100), with evidence")
    public record ReportProgress(
            @NotNull @Min(0) @Max(100) @Schema(example = "60") Integer percent,
            @NotBlank @Size(max = 4000) @Schema(example = "已完成二轮承包台账核对，张榜公示七天") String text,
            @Size(max = 20) List<@NotNull @Valid EvidenceRequest> evidence) {
    }

    @Schema(name = "ReplyToCase", description = "办复: the lead unit's reply, with its resolution degree")
    public record ReplyToCase(
            @NotBlank @Size(max = 10000) @Schema(example = "经核对台账并实地测绘，12户面积异议已全部更正，确权证书已发放。") String text,
            @NotNull @Schema(description = "A 已解决或采纳, B 正在解决或列入计划, C 因条件限制暂不能解决, D 留作参考") ResolutionDegree resolutionDegree) {
    }

    @Schema(name = "SendBackReply", description = "答复退回: the reply does not answer the recommendation; say why")
    public record SendBackReply(@NotBlank @Size(max = 2000) @Schema(example = "答复未说明两户遗留异议的处理") String reason) {
    }

    @Schema(name = "EvaluateCase", description = "评价: attitude (办理态度) and result (办理结果) rated apart, with a comment")
    public record EvaluateCase(
            @NotNull @Schema(description = "办理态度") Satisfaction attitude,
            @NotNull @Schema(description = "办理结果: from the proposer, SATISFIED or BASICALLY_SATISFIED closes the case and DISSATISFIED asks for a redo") Satisfaction result,
            @Size(max = 2000) @Schema(example = "测绘及时，结果公开，满意", nullable = true) String comment) {
    }

    @Schema(name = "RedoCase", description = "重办: staff send the case back to its unit after 不满意")
    public record RedoCase(@NotBlank @Size(max = 2000) @Schema(example = "提案人对两户遗留问题不满意，重办") String reason) {
    }

    @Schema(name = "CloseCase", description = "办结 by staff: when no proposer evaluates, or after the redo limit; the note says why")
    public record CloseCase(@NotBlank @Size(max = 2000) @Schema(example = "重办两次后仍不满意，经主席会议研究，留作参考办结") String note) {
    }

    @Schema(name = "ReportPart", description = "协办意见: a co-handler's part (its resolution degree only in a split case)")
    public record ReportPart(
            @NotBlank @Size(max = 10000) @Schema(example = "同意农业农村局意见，测绘经费由我局落实") String text,
            @Schema(nullable = true) ResolutionDegree resolutionDegree) {
    }

    @Schema(name = "SuperviseCase", description = "督办: a leader supervises a case, with a note and, if given, a tighter deadline")
    public record SuperviseCase(
            @NotBlank @Size(max = 2000) @Schema(example = "确权关系群众切身利益，请于春节前办结") String note,
            @Schema(description = "A deadline before the case's own (a later one is a 422)", example = "2027-02-05", nullable = true) java.time.LocalDate dueDate) {
    }

    @Schema(name = "RemindCase", description = "催办 by staff, with what they ask")
    public record RemindCase(@NotBlank @Size(max = 2000) @Schema(example = "请于本周内报送办理进展") String note) {
    }

    @Schema(name = "RequestExtension", description = "延期申请: a later due date, or working days to add, and why")
    public record RequestExtension(
            @Schema(description = "The due date asked for", example = "2027-03-31", nullable = true) java.time.LocalDate dueDate,
            @Min(1) @Max(120) @Schema(description = "Or: working days to add to the current deadline", example = "10", nullable = true) Integer workingDays,
            @NotBlank @Size(max = 2000) @Schema(example = "测绘需待雨季过后进行") String reason) {
    }

    @Schema(name = "DecideExtension", description = "Staff's answer to an extension request")
    public record DecideExtension(@NotNull @Schema(description = "true approves, false refuses") Boolean approve,
                                  @Size(max = 2000) @Schema(example = "同意延期至3月底", nullable = true) String note) {
    }

    @Schema(name = "OpenCase", description = "手工交办: a case for the outcome of a meeting held outside the platform (a 主席会议, a joint session with another county)")
    public record OpenCase(
            @NotBlank @Size(max = 500) @Schema(description = "Where it came from", example = "县政协主席会议（2026年11月20日）纪要第3条") String source,
            @NotNull @Pattern(regexp = "\\d{6}(\\d{3}){0,3}", message = "{shangliang.territory}")
            @Schema(description = "The territory whose staff follow it", example = "330421003") String territoryCode,
            @NotBlank @Size(max = 2000) @Schema(description = "What is to be done", example = "完善惠民街道农村公路养护长效机制") String content,
            @NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "{shangliang.unit}") @Schema(example = "transport") String leadUnitCode,
            @Size(max = 10) List<@NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "{shangliang.unit}") String> coHandlerCodes,
            @Schema(description = "SOLE, SPLIT or JOINT; JOINT when co-handlers are named and this is absent", nullable = true) org.shangliang.followup.domain.HandlingMode handlingMode,
            @Schema(example = "2027-03-31", nullable = true) java.time.LocalDate dueDate,
            @Min(1) @Max(365) @Schema(description = "Or a deadline in working days from sign-for", nullable = true) Integer workingDays) {
    }
}
