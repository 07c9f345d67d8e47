package org.shangliang.followup.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shangliang.commons.http.AddressLimited;
import org.shangliang.commons.problem.Problem;
import org.shangliang.commons.security.Territories;
import org.shangliang.commons.opendata.DatasetDictionary;
import org.shangliang.commons.opendata.OpenDataAnswers;
import org.shangliang.followup.api.OpenData.OpenCaseStatistics;
import org.shangliang.followup.api.OpenData.OpenCases;
import org.shangliang.followup.api.StatisticsViews;
import org.shangliang.followup.service.OpenDataService;

/** 开放数据: cases and the statistics of their follow-up for the county's open-data portal; anonymous and cacheable. */
@Path("/api/v1/open-data/cases")
@PermitAll
@AddressLimited
@SecurityRequirements
@Tag(name = "Open data", description = "开放数据 — the follow-up of consultation outcomes for the county's open-data portal, without personal data")
public class OpenDataResource {

    @Inject OpenDataService openData;

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "A year's cases (办理件) and where they stand", description = "Every case assigned in `year` (China time) for topics "
            + "of the territory's subtree (the whole county without one), by number: the department that leads it, status, dates, the deadline "
            + "today, the first reply's day and punctuality, the degree of resolution, the proposer's final satisfaction, redos. Never anything "
            + "about people: no reply or note text, clerks, evaluators or supervisors. `format=csv` gives the same rows as CSV (UTF-8 with a "
            + "byte order mark). Anonymous; answers carry an ETag (304 on If-None-Match) and may be cached for an hour; each client address may "
            + "ask 120 times a minute.")
    @APIResponse(responseCode = "200", description = "The dataset", headers = @Header(name = "Cache-Control", description = "public, max-age=3600"),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OpenCases.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "422", description = "The territory is not in the directory", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response openCases(
            @Parameter(description = "The year the cases were assigned in", required = true, example = "2026") @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year,
            @Parameter(description = "A township or village: its subtree only", example = "330421003")
            @QueryParam("territory") @Pattern(regexp = Territories.CODE_REGEX, message = "{shangliang.territory}") String territory,
            @Parameter(description = "json (default) or csv", schema = @Schema(enumeration = {"json", "csv"})) @QueryParam("format") @DefaultValue("json")
            @Pattern(regexp = OpenDataAnswers.FORMAT_REGEX, message = OpenDataAnswers.FORMAT_MESSAGE) String format) {
        OpenCases data = openData.cases(year, territory);
        return format.equals("csv") ? OpenDataAnswers.csv(openData.csv(data), OpenDataAnswers.fileName("cases", year, territory))
                : OpenDataAnswers.json(data);
    }

    @GET
    @Path("/dictionary")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The data dictionary of the cases dataset", description = "Every field of the dataset, in the order of the CSV columns: name, type and meaning (Chinese and English).")
    @APIResponse(responseCode = "200", description = "The fields", content = @Content(schema = @Schema(implementation = DatasetDictionary.class)))
    public Response openCasesDictionary() {
        return OpenDataAnswers.json(openData.dictionary());
    }

    @GET
    @Path("/statistics")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "The statistics of a year's follow-up (办理统计)", description = "Of the cases assigned in `year` in the territory's subtree "
            + "(the whole county without one), per unit or township and in total: cases, closed, the outcome conversion rate, replies and the "
            + "on-time rate, average working days to reply, the satisfaction of closed cases, redos, cases overdue today — the same figures the "
            + "CPPCC office sees. `format=csv` for a spreadsheet. Anonymous and cacheable for an hour.")
    @APIResponse(responseCode = "200", description = "The statistics", headers = @Header(name = "Cache-Control", description = "public, max-age=3600"),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OpenCaseStatistics.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "422", description = "The territory is not in the directory", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response openCaseStatistics(
            @Parameter(description = "The year the cases were assigned in", required = true, example = "2026") @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year,
            @Parameter(description = "UNIT (the default) or TOWNSHIP") @QueryParam("groupBy") @DefaultValue("UNIT") StatisticsViews.GroupBy groupBy,
            @Parameter(description = "A township or village: its subtree only", example = "330421003")
            @QueryParam("territory") @Pattern(regexp = Territories.CODE_REGEX, message = "{shangliang.territory}") String territory,
            @Parameter(description = "json (default) or csv", schema = @Schema(enumeration = {"json", "csv"})) @QueryParam("format") @DefaultValue("json")
            @Pattern(regexp = OpenDataAnswers.FORMAT_REGEX, message = OpenDataAnswers.FORMAT_MESSAGE) String format) {
        OpenCaseStatistics data = openData.statistics(year, groupBy, territory);
        return format.equals("csv") ? OpenDataAnswers.csv(openData.csv(data), OpenDataAnswers.fileName("case-statistics-" + groupBy.name().toLowerCase(), year, territory))
                : OpenDataAnswers.json(data);
    }

    @GET
    @Path("/statistics/dictionary")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The data dictionary of the follow-up statistics", description = "Every column of the statistics' CSV, in order: name, type and meaning (Chinese and English).")
    @APIResponse(responseCode = "200", description = "The fields", content = @Content(schema = @Schema(implementation = DatasetDictionary.class)))
    public Response openCaseStatisticsDictionary() {
        return OpenDataAnswers.json(openData.statisticsDictionary());
    }
}
