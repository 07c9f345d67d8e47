package org.shangliang.topics.api;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shangliang.topics.domain.Level;
import org.shangliang.topics.domain.TopicStatus;

/** 开放数据: what the county's open-data portal gets. Public topics only, and never who proposed them. */
public final class OpenData {

    private OpenData() {
    }

    @Schema(name = "OpenTopic", description = "A public topic as open data: no proposer, contact, filer, description or screening note")
    public record OpenTopic(
            @Schema(example = "YT-2026-0042") String number,
            @Schema(example = "第三轮土地确权") String title,
            @Schema(example = "[\"农业\", \"民生\"]") List<String> themes,
            @Schema(example = "330421003201") String territoryCode,
            Level level,
            TopicStatus status,
            @Schema(description = "Supports (附议)") int supportCount,
            @Schema(description = "Day it was submitted, China time") LocalDate submittedOn,
            @Schema(description = "Day it was accepted (立项), China time", nullable = true) LocalDate acceptedOn,
            @Schema(description = "The level that accepted it in the end", nullable = true) Level handledLevel) {
    }

    @Schema(name = "OpenTopics", description = "A year's public topics of a territory, with the terms of their reuse")
    public record OpenTopics(
            @Schema(example = "shangliang.topics") String dataset,
            @Schema(description = "The licence the data is published under", example = "CC BY 4.0") String licence,
            @Schema(example = "https://creativecommons.org/licenses/by/4.0/") String licenceUrl,
            @Schema(example = "嘉善县政协办公室") String publisher,
            int year,
            @Schema(description = "The territory whose subtree this is", example = "330421003") String territory,
            @Schema(description = "Where the meaning of every field is", example = "/api/v1/open-data/topics/dictionary") String dictionary,
            List<OpenTopic> items) {
    }
}
