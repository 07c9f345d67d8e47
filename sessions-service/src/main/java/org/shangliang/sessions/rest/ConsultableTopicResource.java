package org.shangliang.sessions.rest;

import org.shangliang.sessions.api.SessionViews;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shangliang.commons.http.PageView;
import org.shangliang.commons.security.Territories;
import org.shangliang.sessions.api.SessionViews.ConsultableTopicView;
import org.shangliang.sessions.service.ConsultableTopics;

@Path("/api/v1/consultable-topics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions")
public class ConsultableTopicResource {

    @Inject ConsultableTopics topics;

    @GET
    @Authenticated
    @Operation(summary = "Topics that may go on an agenda", description = "Accepted topics as learnt from topics-service's TopicAccepted events, newest first, keyset-paginated.")
    @APIResponse(responseCode = "200", description = "One page of accepted topics")
    public PageView<ConsultableTopicView> listConsultableTopics(
            @Parameter(description = "Only topics inside this territory (division-code prefix)", example = "330421003")
            @QueryParam("territory") @Pattern(regexp = Territories.CODE_REGEX, message = "{shangliang.territory}") String territory,
            @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(PageView.MAX_LIMIT) int limit) {
        return topics.list(territory, cursor, limit);
    }
}
