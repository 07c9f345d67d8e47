package org.shangliang.commons.security;

import java.util.regex.Pattern;

/**
 * Territory codes (行政区划代码) and subtree matching. A code is 6 digits (county), 9 (township or
 * street), 12 (village or community) or 15 (grid); the subtree of a code is every code it is a
 * prefix of. Queries match prefixes with {@link #LIKE_PREFIX} and {@link #likePrefix}: the code is
 * escaped, so a pattern character can never widen a caller's scope.
 */
public final class Territories {

    private static final Pattern CODE = Pattern.compile("[0-9]{6}(?:[0-9]{3}){0,3}");

    /** The HQL form of "starts with a parameter made by {@link #likePrefix}". */
    public static final String LIKE_PREFIX = " like :%s escape '\\'";

    private Territories() {
    }

    public static boolean isDivisionCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** {@code code} with LIKE's pattern characters escaped, followed by {@code %}. */
    public static String likePrefix(String code) {
        return code.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** {@code field like :param escape '\'} for a query. */
    public static String startsWith(String field, String param) {
        return field + LIKE_PREFIX.formatted(param);
    }
}
