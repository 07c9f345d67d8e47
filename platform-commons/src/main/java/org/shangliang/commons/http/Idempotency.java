package org.shangliang.commons.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.enterprise.context.ApplicationScoped;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Text;

/**
 * Idempotency-Key for creates. Mobile clients on village networks retry; a retry with the same
 * key must return the first response and create nothing. The key row is inserted in the same
 * transaction as the create, so a second request with the same key waits on the first one's
 * row lock and then reads its stored response.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 200;

    @Inject EntityManager em;
    @Inject ObjectMapper json;
    @Inject MeterRegistry metrics;
    private volatile ObjectWriter canonicalWriter;

    /**
     * Runs {@code create} once per (scope, key). Without a key it simply runs.
     *
     * @param scope  what the key is unique within, e.g. the operation and the caller
     * @param request the request body, compared with the first request's body
     */
    @Transactional
    public Response once(String key, String scope, Object request, Supplier<Response> create) {
        if (key == null) return create.get();
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ApiException.badRequest(HEADER, Text.of(HEADER + " 须为 1 到 200 个字符", HEADER + " must be 1 to 200 characters"));
        }
        String hash = hash(request);
        int inserted = em.createNativeQuery("insert into idempotency_key (scope, key, request_hash) values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, hash).executeUpdate();
        if (inserted == 1) {
            return store(scope, key, create.get());
        }
        return replay(scope, key, hash);
    }

    /** Keeps the first response; @return it with its body as the JSON stored, so that it is not written twice (ConditionalGet digests these bytes). */
    private Response store(String scope, String key, Response response) {
        String body;
        try {
            body = response.getEntity() == null ? null : json.writeValueAsString(response.getEntity());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store the response of an idempotent create", e);
        }
        EntityTag tag = response.getEntityTag();
        em.createNativeQuery("update idempotency_key set status = ?3, location = ?4, etag = ?5, body = ?6 where scope = ?1 and key = ?2")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, response.getStatus())
                .setParameter(4, response.getLocation() == null ? null : response.getLocation().toString())
                .setParameter(5, tag == null ? null : tag.getValue())
                .setParameter(6, body).executeUpdate();
        if (body == null) return response;
        return Response.fromResponse(response).entity(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE).build();
    }

    private Response replay(String scope, String key, String hash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select request_hash, status, location, etag, body from idempotency_key where scope = ?1 and key = ?2")
                .setParameter(1, scope).setParameter(2, key).getResultList();
        Object[] row = rows.get(0);
        if (!hash.equals(row[0])) {
            throw ApiException.unprocessable(Text.of(
                    "此 " + HEADER + " 已用于另一个不同的请求；新的请求请换一个新的键",
                    "This " + HEADER + " was used for a different request body; use a new key for a new request"));
        }
        // A client retrying after a lost answer: a few are normal, a rise means clients or a network in trouble.
        // Tagged by operation only (the scope's part before ':'): the caller and ids would make a series each.
        metrics.counter("shangliang.idempotency.replays", "operation", scope.contains(":") ? scope.substring(0, scope.indexOf(':')) : scope).increment();
        Response.ResponseBuilder replay = Response.status((Integer) row[1]).header(REPLAYED, "true");
        if (row[2] != null) replay.location(URI.create((String) row[2]));
        if (row[3] != null) replay.tag(new EntityTag((String) row[3]));
        if (row[4] != null) replay.entity(row[4]).type(MediaType.APPLICATION_JSON_TYPE);
        return replay.build();
    }

    /**
     * Map entries sorted, so equal bodies hash equally. An ObjectWriter of the shared mapper, made
     * once: it shares the mapper's serializer cache (a copied mapper per call rebuilt every
     * serializer, 14 % of a create's CPU).
     */
    private ObjectWriter canonical() {
        ObjectWriter w = canonicalWriter;
        if (w == null) canonicalWriter = w = json.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        return w;
    }

    private String hash(Object request) {
        try {
            byte[] canonical = canonical().writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash an idempotent request", e);
        }
    }
}
