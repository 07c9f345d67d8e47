package org.shangliang.commons.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Text;

/**
 * A keyset position in a list ordered by a unique code (a directory): the code of the last item a
 * page showed. Opaque to clients, like {@link Cursor}.
 */
public record CodeCursor(String code) {

    private static final String PREFIX = "c|";

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + code).getBytes(StandardCharsets.UTF_8));
    }

    /** Null for the first page; 400 naming the parameter for anything we did not issue. */
    public static CodeCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) return null;
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            raw = "";
        }
        if (!raw.startsWith(PREFIX) || raw.length() == PREFIX.length()) {
            throw ApiException.badRequest(Cursor.PARAM, Text.of("cursor 无效：请使用上一页返回的 nextCursor", "cursor is not valid: pass the nextCursor of the previous page"));
        }
        return new CodeCursor(raw.substring(PREFIX.length()));
    }
}
