package org.shangliang.commons.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Text;

/**
 * A keyset position: the (time, id) of the last item a page showed. Opaque to clients, so its
 * shape can change; stable under inserts, unlike an offset.
 */
public record Cursor(Instant at, UUID id) {

    public static final String PARAM = "cursor";

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
        return Base64.getUrlEncoder().withoutPadding().encodeToString((micros + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Null for the first page; 400 naming the parameter for anything we did not issue. */
    public static Cursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) return null;
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            long micros = Long.parseLong(raw.substring(0, bar));
            return new Cursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), UUID.fromString(raw.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw ApiException.badRequest(PARAM, Text.of("cursor 无效：请使用上一页返回的 nextCursor", "cursor is not valid: pass the nextCursor of the previous page"));
        }
    }
}
