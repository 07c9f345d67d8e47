package org.shangliang.topics.rest;

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
import org.shangliang.topics.api.OpenData.OpenTopics;
import org.shangliang.topics.service.OpenDataService;

/** 开放数据: public, anonymous, cacheable exports for the county's open-data portal. */
@Path("/api/v1/open-data/topics")
@PermitAll
@AddressLimited
@SecurityRequirements
@Tag(name = "Open data", description = "开放数据 — public topics for the county's open-data portal, without personal data")
public class OpenDataResource {

    @Inject OpenDataService openData;

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "A year's public topics", description = "The topics accepted for consultation (立项) and every status after, "
            + "submitted in `year` (China time) in the territory's subtree (the whole county without one), by number, with the licence they "
            + "are published under. Never anything about people: no proposer, contact, filer, co-signers, description or screening note. "
            + "`format=csv` gives the same rows as CSV (UTF-8 with a byte order mark, a header line; themes separated by `;`). Anonymous; "
            + "answers carry an ETag (304 on If-None-Match) and may be cached for an hour; each client address may ask 120 times a minute.")
    @APIResponse(responseCode = "200", description = "The dataset", headers = @Header(name = "Cache-Control", description = "public, max-age=3600"),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OpenTopics.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "422", description = "The territory is not in the directory", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response openTopics(
            @Parameter(description = "The year the topics were submitted in", required = true, example = "2026") @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year,
            @Parameter(description = "A township or village: its subtree only", example = "330421003")
            @QueryParam("territory") @Pattern(regexp = Territories.CODE_REGEX, message = "{shangliang.territory}") String territory,
            @Parameter(description = "json (default) or csv", schema = @Schema(enumeration = {"json", "csv"})) @QueryParam("format") @DefaultValue("json")
            @Pattern(regexp = OpenDataAnswers.FORMAT_REGEX, message = OpenDataAnswers.FORMAT_MESSAGE) String format) {
        OpenTopics data = openData.topics(year, territory);
        return format.equals("csv") ? OpenDataAnswers.csv(openData.csv(data), OpenDataAnswers.fileName("topics", year, territory))
                : OpenDataAnswers.json(data);
    }

    @GET
    @Path("/dictionary")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The data dictionary of the topics dataset", description = "Every field of the dataset, in the order of the CSV columns: name, type and meaning (Chinese and English).")
    @APIResponse(responseCode = "200", description = "The fields", content = @Content(schema = @Schema(implementation = DatasetDictionary.class)))
    public Response openTopicsDictionary() {
        return OpenDataAnswers.json(openData.dictionary());
    }
}
