package org.shangliang.topics.rest;

import static org.shangliang.commons.security.Roles.CPPCC_STAFF;
import static org.shangliang.commons.security.Roles.GRID_WORKER;
import static org.shangliang.commons.security.Roles.INTEGRATION;
import static org.shangliang.commons.security.Roles.MEMBER;
import static org.shangliang.commons.security.Roles.ORGANIZER;
import static org.shangliang.commons.security.Roles.RESIDENT;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shangliang.commons.http.RateLimited;
import org.shangliang.commons.http.Responses;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Problem;
import org.shangliang.commons.problem.Text;
import org.shangliang.commons.security.CurrentCaller;
import org.shangliang.topics.api.Attachments.AttachmentContent;
import org.shangliang.topics.api.Attachments.AttachmentUpload;
import org.shangliang.topics.api.Attachments.AttachmentView;
import org.shangliang.topics.api.Attachments.Uploaded;
import org.shangliang.topics.service.AttachmentService;

/** 议题附件: photos and documents attached to a topic. */
@RateLimited
@Path("/api/v1/topics/{id}/attachments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Topics", description = "议题征集 — submit, screen and follow topics")
public class AttachmentResource {

    @Inject AttachmentService attachments;
    @Inject CurrentCaller caller;
    @Context UriInfo uri;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({RESIDENT, MEMBER, GRID_WORKER, ORGANIZER, CPPCC_STAFF, INTEGRATION})
    @Operation(summary = "Attach a photo or document to a topic", description = "multipart/form-data with one file in the part `file`: a JPEG or PNG "
            + "image or a PDF, at most 10 MiB, its type told from its content (a photo named .pdf is still a JPEG; a .jpg that is not an image is refused). "
            + "The proposer (or the grid worker who filed it) and the territory's screeners attach files until the topic is scheduled; a draft's author only. "
            + "Uploading the same file to the same topic again stores nothing new and answers 200 with the attachment already there, so a phone on a weak "
            + "network may simply retry. At most 20 attachments a topic.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = AttachmentUpload.class)))
    @APIResponse(responseCode = "201", description = "Attached", headers = @Header(name = HttpHeaders.LOCATION, description = "The attachment's URL"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttachmentView.class)))
    @APIResponse(responseCode = "200", description = "The same file was attached to this topic before: that attachment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttachmentView.class)))
    @APIResponse(responseCode = "400", description = "No part named `file`, or an empty file", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the proposer nor a screener of the topic's territory", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such topic", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The topic no longer takes attachments (scheduled or closed); the message names what is allowed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The file is over 10 MiB", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The file is not a JPEG, PNG or PDF, or the body is not multipart/form-data",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The topic has 20 attachments already", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response attachFile(@PathParam("id") UUID id, AttachmentUpload form) {
        if (form == null || form.file == null) {
            throw ApiException.badRequest(AttachmentService.PART, Text.of("请在名为 file 的表单部分上传文件", "Send the file in the multipart part named `file`"));
        }
        Uploaded uploaded = attachments.attach(id, form.file.fileName(), form.file.uploadedFile(), form.file.size(), caller.get());
        return uploaded.created() ? Responses.created(uri, uploaded.attachment().id(), uploaded.attachment())
                : Response.ok(uploaded.attachment()).build();
    }

    @GET
    @Authenticated
    @Operation(summary = "A topic's attachments", description = "Everyone who may see the topic sees its attachments, in the order they were added.")
    @APIResponse(responseCode = "200", description = "The attachments, oldest first")
    @APIResponse(responseCode = "404", description = "No such topic", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<AttachmentView> listAttachments(@PathParam("id") UUID id) {
        return attachments.list(id, caller.get());
    }

    @GET
    @Path("/{attachmentId}")
    @Authenticated
    @Operation(summary = "One attachment's description", description = "Name, type, size, SHA-256, who added it and when.")
    @APIResponse(responseCode = "200", description = "The attachment")
    @APIResponse(responseCode = "404", description = "No such topic or attachment", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AttachmentView getAttachment(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId) {
        return attachments.describe(id, attachmentId, caller.get());
    }

    @GET
    @Path("/{attachmentId}/content")
    @Authenticated
    @Produces({"image/jpeg", "image/png", "application/pdf", Problem.MEDIA_TYPE})
    @Operation(summary = "Download an attachment", description = "The file as uploaded, under the topic's read rules. The ETag is the SHA-256: "
            + "send it in If-None-Match to get 304 instead of the bytes again. Images are shown inline, PDFs downloaded.")
    @APIResponse(responseCode = "200", description = "The content", headers = {
            @Header(name = HttpHeaders.ETAG, description = "The SHA-256 of the content, quoted"),
            @Header(name = "Content-Disposition", description = "The file's name (RFC 6266, UTF-8)")},
            content = {@Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "304", description = "The client's copy (If-None-Match) is current")
    @APIResponse(responseCode = "404", description = "No such topic or attachment", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response downloadAttachment(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId, @Context Request request) {
        // Read rules first: a 304 must not tell someone who may not see the topic that the file exists.
        AttachmentView view = attachments.describe(id, attachmentId, caller.get());
        EntityTag tag = new EntityTag(view.sha256());
        CacheControl cache = new CacheControl();
        cache.setPrivate(true); // behind a login: no shared cache keeps it
        cache.setMaxAge(365 * 24 * 3600); // never changes under its id
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) return notModified.cacheControl(cache).build();
        AttachmentContent download = attachments.content(id, attachmentId, caller.get());
        boolean image = view.mediaType().startsWith("image/");
        return Response.ok(download.content(), view.mediaType()).tag(tag).cacheControl(cache)
                .header("Content-Disposition", (image ? "inline" : "attachment") + "; filename=\"" + asciiName(view.fileName())
                        + "\"; filename*=UTF-8''" + URLEncoder.encode(view.fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /** The name for clients that do not read filename*: ASCII only, no quotes. */
    private static String asciiName(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7E]", "_").replace('"', '_').replace('\\', '_');
        return ascii.isBlank() ? "attachment" : ascii;
    }
}
