package org.shangliang.commons.http;

import java.util.HashMap;
import java.util.Map;

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

    /** Adds {@code field like prefix%} (the prefix escaped) when prefix is not null (territory subtrees are code prefixes). */
    public KeysetQuery startsWith(String field, String prefix) {
        if (prefix != null) {
            String name = "p" + params.size();
            query.append(" and ").append(org.shangliang.commons.security.Territories.startsWith(field, name));
            params.put(name, org.shangliang.commons.security.Territories.likePrefix(prefix));
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
        if (cursor != null) {
            query.append(" and (").append(timeField).append(" < :cursorAt or (").append(timeField)
                    .append(" = :cursorAt and ").append(idField).append(" < :cursorId))");
            params.put("cursorAt", cursor.at());
            params.put("cursorId", cursor.id());
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
