package org.shangliang.followup.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shangliang.followup.domain.CaseStatus;

/** What the cases' change feed (变更流) returns: compact summaries, for an app that keeps an offline copy of a territory's cases. */
public final class CaseSync {

    private CaseSync() {
    }

    @Schema(name = "CaseSummary", description = "The fields a list shows; read the case itself for the rest")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CaseSummary(
            @Schema(example = "BJ-2026-0007") String number,
            @Schema(example = "YT-2026-0042") String topicNumber,
            @Schema(example = "惠通村土地确权第三轮协商") String topicTitle,
            @Schema(example = "县农业农村局") String leadUnit,
            @Schema(example = "agri-rural") String leadUnitCode,
            CaseStatus status,
            LocalDate dueDate,
            @Schema(example = "330421003201") String territoryCode,
            @Schema(description = "The ETag's version: If-Match for a change") long version,
            Instant updatedAt) {
    }

    @Schema(name = "CaseChange", description = "One case's latest state (a case is never deleted: a withdrawn one says WITHDRAWN)")
    public record CaseChange(UUID id, CaseSummary handlingCase) {
    }

    @Schema(name = "CaseChanges", description = "A page of the cases' change feed")
    public record CaseChanges(
            @Schema(description = "Each changed case once, in its latest state, oldest change first", required = true) List<CaseChange> changes,
            @Schema(description = "Pass as `since` next time (also when `changes` is empty: keep it)", required = true, example = "YzF8NzQ0MTJ8MTgyMw")
            String nextCursor,
            @Schema(description = "true: more changes are waiting, ask again at once with `nextCursor`", required = true) boolean more) {
    }
}
