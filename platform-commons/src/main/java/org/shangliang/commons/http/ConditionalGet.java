package org.shangliang.commons.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Conditional GET for phones on weak networks: every JSON (or CSV) answer of 200 or 201 carries an ETag
 * that changes whenever its body does, and a GET whose {@code If-None-Match} names it is answered
 * 304 without the body.
 *
 * <p>An object's ETag was its version alone ({@code "7"}, what If-Match checks), but what a caller
 * sees can change without a new version (a topic's supports are counted without one, so that
 * supporting never makes an edit fail) and differs by caller (personal data). So the ETag is the
 * version and a digest of the body ({@code "7-9f2c…"}); If-Match still compares the version only
 * ({@link org.shangliang.commons.problem.Preconditions#versionOf}), so a client that sends back what it read works as before. An answer without
 * a version (a list, a report) gets the digest alone.
 */
public class ConditionalGet {

    /** Hex digits of the body's SHA-256 kept: 64 bits, so two different bodies never share a tag in practice. */
    private static final int DIGEST_HEX = 16;

    @Inject ObjectMapper mapper;

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) throws JsonProcessingException {
        int status = response.getStatus();
        if ((status != 200 && status != 201) || !response.hasEntity()) return;
        MediaType type = response.getMediaType();
        Object entity = response.getEntity();
        // No type chosen yet: a resource returned an object, which this API always writes as JSON.
        if (type == null && !(entity instanceof byte[] || entity instanceof String || entity instanceof java.io.InputStream
                || entity instanceof java.io.File || entity instanceof java.nio.file.Path)) type = MediaType.APPLICATION_JSON_TYPE;
        if (type == null || !(type.getSubtype().equals("json") || type.getSubtype().endsWith("+json") || type.getSubtype().equals("csv"))) return;
        byte[] body = entity instanceof byte[] bytes ? bytes
                : entity instanceof String text ? text.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                : mapper.writeValueAsBytes(entity);
        EntityTag previous = response.getEntityTag();
        String digest = digest(body);
        String version = previous == null ? null : previous.getValue();
        if (version != null && !version.chars().allMatch(Character::isDigit)) return; // a resource's own validator (an attachment's hash)
        EntityTag tag = new EntityTag(version == null ? digest : version + "-" + digest);
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        // Callers' own data: a phone may keep it, but must ask again (cheaply, with If-None-Match) before using it.
        // Public data (open data) says its own, longer, Cache-Control.
        if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        String method = request.getMethod();
        if (status == 200 && ("GET".equals(method) || "HEAD".equals(method)) && matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag.getValue())) {
            response.setStatus(304);
            response.setEntity(null);
            return;
        }
        response.setEntity(body, new java.lang.annotation.Annotation[0], type);
    }

    /** If-None-Match compares weakly (RFC 9110 13.1.2): {@code W/} is ignored, {@code *} matches anything. */
    static boolean matches(String ifNoneMatch, String value) {
        return org.shangliang.commons.problem.Preconditions.anyTag(ifNoneMatch, value::equals);
    }

    private static String digest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return HexFormat.of().formatHex(hash).substring(0, DIGEST_HEX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
