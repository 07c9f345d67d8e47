package org.shangliang.commons.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Text;

/**
 * A position in a change feed: the (transaction id, position) of the last change a client has.
 * Ordered by the writing transaction first, because a transaction that took a lower position can
 * commit after one with a higher; a feed only hands out changes of transactions older than every
 * one still running ({@link #SETTLED}), so nothing can appear behind a cursor once it is issued.
 * Opaque to clients.
 */
public record ChangeCursor(long txid, long position) {

    public static final String PARAM = "since";

    /** The start of a feed: everything there is. */
    public static final ChangeCursor START = new ChangeCursor(0, 0);

    /** The SQL condition on a feed row's {@code txid}: its transaction ended before any still running began. */
    public static final String SETTLED = "txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint";

    /** One page of a feed: the rows to show, the cursor to pass next time, whether more are waiting. */
    public record Page<R>(List<R> rows, ChangeCursor next, boolean more) {
    }

    /**
     * @param fetched up to {@code limit + 1} rows in feed order: the extra one only tells that there is more
     * @param since   the cursor asked with: the next one when nothing changed
     */
    public static <R> Page<R> page(List<R> fetched, int limit, ChangeCursor since, Function<R, ChangeCursor> cursorOf) {
        boolean more = fetched.size() > limit;
        List<R> shown = more ? fetched.subList(0, limit) : fetched;
        return new Page<>(shown, shown.isEmpty() ? since : cursorOf.apply(shown.get(shown.size() - 1)), more);
    }

    /** The SQL condition of a feed query on rows aliased {@code alias}: after the cursor in positional parameters ?a, ?b, and settled. */
    public static String afterCondition(String alias, int txidParam, int positionParam) {
        return "(" + alias + ".txid, " + alias + ".position) > (?" + txidParam + ", ?" + positionParam + ") and " + alias + "." + SETTLED;
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("c1|" + txid + "|" + position).getBytes(StandardCharsets.UTF_8));
    }

    /** START for none; 400 naming the parameter for anything a feed did not issue. */
    public static ChangeCursor decode(String since) {
        if (since == null || since.isBlank()) return START;
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(since), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 3 || !parts[0].equals("c1")) throw new IllegalArgumentException(since);
            return new ChangeCursor(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        } catch (RuntimeException e) {
            throw ApiException.badRequest(PARAM, Text.of("since 无效：请使用上次同步返回的 nextCursor", "since is not valid: pass the nextCursor of your last sync"));
        }
    }
}
