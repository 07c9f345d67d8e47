package org.shangliang.followup.api;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shangliang.followup.domain.CaseStatus;
import org.shangliang.followup.domain.DeadlineState;
import org.shangliang.followup.domain.HandlingMode;
import org.shangliang.followup.domain.ResolutionDegree;
import org.shangliang.followup.domain.Satisfaction;

/** 开放数据: the follow-up of consultation outcomes — where each case stands, never who handled, replied or evaluated. */
public final class OpenData {

    private OpenData() {
    }

    @Schema(name = "OpenCase", description = "A case (办理件) as open data: its status and dates, the department that handles it, "
            + "the degree of resolution and the proposer's final satisfaction; no reply text, clerks, evaluators or notes")
    public record OpenCase(
            @Schema(example = "BJ-2026-0007") String number,
            @Schema(description = "The topic it follows up (open data shangliang.topics)", example = "YT-2026-0042", nullable = true) String topicNumber,
            @Schema(example = "330421003201") String territoryCode,
            @Schema(description = "The lead unit, a department", example = "县农业农村局") String leadUnit,
            @Schema(nullable = true) HandlingMode handlingMode,
            CaseStatus status,
            @Schema(description = "Day it was assigned, China time") LocalDate openedOn,
            @Schema(nullable = true) LocalDate dueDate,
            @Schema(description = "Where it stands against its deadline today") DeadlineState deadline,
            @Schema(description = "Day of the first reply, China time", nullable = true) LocalDate firstRepliedOn,
            @Schema(description = "Whether the first reply came by the deadline", nullable = true) Boolean repliedOnTime,
            @Schema(nullable = true) ResolutionDegree resolutionDegree,
            @Schema(description = "The proposer's satisfaction when it closed", nullable = true) Satisfaction satisfaction,
            @Schema(description = "Times it was sent back to be handled again (重办)") int redoCount,
            @Schema(nullable = true) LocalDate closedOn) {
    }

    @Schema(name = "OpenCases", description = "A year's cases of a territory, with the terms of their reuse")
    public record OpenCases(
            @Schema(example = "shangliang.cases") String dataset,
            @Schema(example = "CC BY 4.0") String licence,
            String licenceUrl,
            @Schema(example = "嘉善县政协办公室") String publisher,
            int year,
            @Schema(example = "330421003", nullable = true) String territory,
            @Schema(example = "/api/v1/open-data/cases/dictionary") String dictionary,
            List<OpenCase> items) {
    }

    @Schema(name = "OpenCaseStatistics", description = "The statistics of a year's follow-up of a territory, per unit or township and in total, "
            + "with the terms of their reuse")
    public record OpenCaseStatistics(
            @Schema(example = "shangliang.case-statistics") String dataset,
            @Schema(example = "CC BY 4.0") String licence,
            String licenceUrl,
            @Schema(example = "嘉善县政协办公室") String publisher,
            int year,
            @Schema(example = "330421003", nullable = true) String territory,
            StatisticsViews.GroupBy groupBy,
            @Schema(example = "/api/v1/open-data/cases/statistics/dictionary") String dictionary,
            @Schema(description = "One row per unit or township, by code") List<StatisticsViews.RowView> rows,
            @Schema(description = "All of them together (code ALL)") StatisticsViews.RowView total) {
    }
}
