package org.shangliang.topics.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shangliang.topics.domain.Channel;
import org.shangliang.topics.domain.Level;

/** Request bodies of the topic API. Server-owned fields (id, number, status, times) are not here, so they cannot be set. */
public final class TopicRequests {

    private TopicRequests() {
    }

    @Schema(name = "SubmitTopic", description = "A new topic (议题) to be screened")
    public record SubmitTopic(
            @NotBlank @Size(max = 120)
            @Schema(description = "Short title", example = "惠通村土地确权第三轮协商")
            String title,
            @NotBlank @Size(max = 5000)
            @Schema(description = "What the matter is and what the proposer asks for", example = "部分承包户对确权面积有异议，建议在村委换届前再开一轮协商，邀请县政协、乡贤和农经部门参加。")
            String description,
            @Size(max = 10)
            @Schema(description = "Themes, e.g. 生态绿色, 一体化, 高质量, 民生, 农业", example = "[\"农业\", \"民生\"]")
            List<@NotBlank @Size(max = 40) String> themes,
            @NotNull @Pattern(regexp = "\\d{6}(\\d{3}(\\d{3}(\\d{3})?)?)?", message = "{shangliang.territory}")
            @Schema(description = "Division code of the territory the topic belongs to: county (6 digits), township (9), village (12) or grid (15)", example = "330421003201")
            String territoryCode,
            @NotNull
            @Schema(description = "Level the topic is to be consulted at")
            Level level,
            @Schema(description = "How the topic came in. Set by the server for residents (RESIDENT), members (MEMBER_REPORT), "
                    + "grid workers (GRID_PROXY) and township systems (INTEGRATION); staff may name any channel, default LIAISON_OFFICE")
            Channel channel,
            @Pattern(regexp = "\\+?[0-9 -]{5,20}", message = "{shangliang.phone}")
            @Schema(description = "Proposer's phone for follow-up calls. Personal data: returned only to the proposer and to staff of the territory",
                    example = "13800000000", nullable = true)
            String contactPhone,
            @Schema(description = "Save as a draft (草稿): seen and edited by its author only, no number until submitted", nullable = true)
            Boolean draft,
            @Schema(description = "Other residents do not see the proposer's name (staff still do)", nullable = true)
            Boolean anonymous,
            @Valid
            @Schema(description = "Proxy intake (代办), grid workers only: the resident the topic is filed for, who is its proposer; "
                    + "the grid worker is recorded as the filer", nullable = true)
            ProxyProposer onBehalfOf) {
    }

    @Schema(name = "ProxyProposer", description = "The resident a grid worker files a topic for")
    public record ProxyProposer(
            @NotBlank @Size(max = 100) @Schema(example = "王建国") String name,
            @Pattern(regexp = "\\+?[0-9 -]{5,20}", message = "{shangliang.phone}") @Schema(example = "13800000000", nullable = true) String phone,
            @Size(max = 200) @Schema(description = "The resident's login (token subject), if they have one: they then follow and evaluate the topic themselves",
                    example = "wang@huitong", nullable = true) String subject) {
    }

    @Schema(name = "WithdrawTopic", description = "The proposer withdraws the topic (撤回), before it is scheduled")
    public record WithdrawTopic(
            @NotBlank @Size(max = 2000) @Schema(description = "Why, for the record", example = "已与邻居协商解决") String reason) {
    }

    @Schema(name = "ConvertTopic", description = "Screening decision: pass the topic on as an opinion (转意见建议) instead of consulting on it")
    public record ConvertTopic(
            @NotBlank @Size(max = 2000) @Schema(description = "Where it goes and why, told to the proposer", example = "转县住建局作为意见建议办理") String note) {
    }

    @Schema(name = "EditTopic", description = "New wording of a topic that is still waiting for screening")
    public record EditTopic(
            @NotBlank @Size(max = 120) @Schema(example = "惠通村土地确权第三轮协商") String title,
            @NotBlank @Size(max = 5000) @Schema(example = "补充：请农经部门带上二轮承包台账。") String description,
            @Size(max = 10) List<@NotBlank @Size(max = 40) String> themes) {
    }

    @Schema(name = "AcceptTopic", description = "Screening decision: accept (立项)")
    public record AcceptTopic(
            @Size(max = 2000) @Schema(description = "Note for the record", example = "列入惠通村民生议事堂第8次协商")
            String note) {
    }

    @Schema(name = "RejectTopic", description = "Screening decision: reject (不予立项), with the reason the proposer is told")
    public record RejectTopic(
            @NotBlank @Size(max = 2000) @Schema(description = "Reason told to the proposer", example = "属于个人纠纷，建议通过人民调解解决")
            String reason) {
    }

    @Schema(name = "MergeTopic", description = "Screening decision: merge the topic into another (合并), which carries its supporters and co-signers on")
    public record MergeTopic(
            @jakarta.validation.constraints.NotNull @Schema(description = "The topic that lives on: waiting for screening or accepted") java.util.UUID into,
            @NotBlank @Size(max = 2000) @Schema(description = "Why, told to the proposer", example = "与 YT-2026-0042 为同一事项，合并办理") String note) {
    }
}
