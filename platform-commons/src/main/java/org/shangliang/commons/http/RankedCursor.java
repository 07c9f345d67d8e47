package org.shangliang.commons.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Text;

/**
 * A keyset position in a list ordered by a number first (most supported first), then newest
 * first: the (rank, time, id) of the last item shown. Opaque to clients like {@link Cursor}, and
 * told apart from one, so a cursor of the other order is a 400 rather than a wrong page.
 */
public record RankedCursor(long rank, Instant at, UUID id) {

    private static final String MARK = "r";

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
        return Base64.getUrlEncoder().withoutPadding().encodeToString((MARK + "|" + rank + "|" + micros + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Null for the first page; 400 naming the parameter for anything we did not issue for this order. */
    public static RankedCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) return null;
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 4 || !MARK.equals(parts[0])) throw new IllegalArgumentException("not a ranked cursor");
            return new RankedCursor(Long.parseLong(parts[1]), Instant.EPOCH.plus(Long.parseLong(parts[2]), ChronoUnit.MICROS), UUID.fromString(parts[3]));
        } catch (RuntimeException e) {
            throw ApiException.badRequest(Cursor.PARAM, Text.of("cursor 无效：请使用同一排序下上一页返回的 nextCursor",
                    "cursor is not valid: pass the nextCursor of the previous page, in the same sort order"));
        }
    }
}
