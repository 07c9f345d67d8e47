package org.shangliang.commons.http;

import java.util.HashMap;
import java.util.Map;
import org.shangliang.commons.security.Territories;

/**
 * Builds the JPQL filter of a keyset page: optional equality/prefix filters plus "after this
 * cursor" in (time desc, id desc) order. Feed {@link #query()} and {@link #params()} to Panache's
 * {@code find(query, sort, params)} with a descending sort on the same two fields.
 */
public final class KeysetQuery {

    private final StringBuilder query = new StringBuilder("1 = 1");
    private final Map<String, Object> params = new HashMap<>();

    /** Adds {@code field = value} when value is not null. */
    public KeysetQuery eq(String field, Object value) {
        if (value != null) {
            String name = "p" + params.size();
            query.append(" and ").append(field).append(" = :").append(name);
            params.put(name, value);
        }
        return this;
    }

    /** Adds "{@code field} lies in the subtree of {@code code}" when code is not null (see {@link Territories#within}). */
    public KeysetQuery within(String field, String code) {
        if (code != null) {
            String name = "p" + params.size();
            query.append(" and ").append(Territories.within(field, name, code));
            params.put(name, Territories.subtreeKey(code));
        }
        return this;
    }

    /** Adds a JPQL condition with its own named parameters, e.g. a visibility rule. */
    public KeysetQuery where(String condition, Map<String, Object> conditionParams) {
        query.append(" and (").append(condition).append(")");
        params.putAll(conditionParams);
        return this;
    }

    /** Rows strictly after the cursor in (timeField desc, idField desc) order. */
    public KeysetQuery after(Cursor cursor, String timeField, String idField) {
        return beyond(cursor, timeField, idField, "<");
    }

    /** Rows strictly after the cursor in (timeField asc, idField asc) order: queues, oldest first. */
    public KeysetQuery afterAscending(Cursor cursor, String timeField, String idField) {
        return beyond(cursor, timeField, idField, ">");
    }

    private KeysetQuery beyond(Cursor cursor, String timeField, String idField, String op) {
        if (cursor != null) {
            query.append(" and (").append(timeField).append(' ').append(op).append(" :cursorAt or (").append(timeField)
                    .append(" = :cursorAt and ").append(idField).append(' ').append(op).append(" :cursorId))");
            params.put("cursorAt", cursor.at());
            params.put("cursorId", cursor.id());
        }
        return this;
    }

    /**
     * Rows strictly after the cursor in (rankField desc, timeField desc, idField desc) order: most
     * supported first, ties newest first.
     */
    public KeysetQuery after(RankedCursor cursor, String rankField, String timeField, String idField) {
        if (cursor != null) {
            query.append(" and (").append(rankField).append(" < :cursorRank or (").append(rankField).append(" = :cursorRank and (")
                    .append(timeField).append(" < :cursorAt or (").append(timeField).append(" = :cursorAt and ").append(idField).append(" < :cursorId))))");
            params.put("cursorRank", cursor.rank());
            params.put("cursorAt", cursor.at());
            params.put("cursorId", cursor.id());
        }
        return this;
    }

    /** Rows strictly after the cursor in ascending {@code codeField} order (a unique code). */
    public KeysetQuery after(CodeCursor cursor, String codeField) {
        if (cursor != null) {
            query.append(" and ").append(codeField).append(" > :cursorCode");
            params.put("cursorCode", cursor.code());
        }
        return this;
    }

    public String query() {
        return query.toString();
    }

    public Map<String, Object> params() {
        return params;
    }
}
