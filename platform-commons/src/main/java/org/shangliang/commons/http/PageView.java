package org.shangliang.commons.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a keyset-paginated list.
 */
public record PageView<T>(
        @Schema(description = "The items of this page, newest first", required = true)
        List<T> items,
        @Schema(description = "Pass as `cursor` to get the next page; absent on the last page", example = "MTc5NTYzMTQ2NjYzOTAwMHw3ZjQ...")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String nextCursor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /**
     * @param fetched up to {@code limit + 1} rows in page order: the extra row only tells that there is more
     */
    public static <E, T> PageView<T> of(List<E> fetched, int limit, Function<E, T> view, Function<E, Cursor> cursorOf) {
        return page(fetched, limit, view, e -> cursorOf.apply(e).encode());
    }

    /** The same for a list ordered by a number first (see {@link RankedCursor}). */
    public static <E, T> PageView<T> ranked(List<E> fetched, int limit, Function<E, T> view, Function<E, RankedCursor> cursorOf) {
        return page(fetched, limit, view, e -> cursorOf.apply(e).encode());
    }

    /** The same for a list ordered by a unique code: the cursor is the last code shown. */
    public static <E, T> PageView<T> byCode(List<E> fetched, int limit, Function<E, T> view, Function<E, String> codeOf) {
        return page(fetched, limit, view, e -> new CodeCursor(codeOf.apply(e)).encode());
    }

    private static <E, T> PageView<T> page(List<E> fetched, int limit, Function<E, T> view, Function<E, String> encodedCursorOf) {
        boolean more = fetched.size() > limit;
        List<E> shown = more ? fetched.subList(0, limit) : fetched;
        String next = more ? encodedCursorOf.apply(shown.get(shown.size() - 1)) : null;
        return new PageView<>(shown.stream().map(view).toList(), next);
    }
}
