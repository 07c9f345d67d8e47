package org.shangliang.commons.security;

import java.util.regex.Pattern;

/**
 * Territory codes (行政区划代码) and subtree matching. A code is 6 digits (county), 9 (township or
 * street), 12 (village or community) or 15 (grid); the subtree of a code is every code it is a
 * prefix of. Because the levels have fixed widths, "in the subtree of C" is an equality:
 * {@code left(code, length(C)) = C} (for a grid, {@code code = C}). Queries use {@link #within}, and
 * each list table has an index on {@code (left(territory_code, n), <list order>)} for n = 6, 9, 12
 * and on {@code (territory_code, <list order>)}: a page is read in order from the index whatever
 * the size of the territory. (A LIKE prefix could not be planned for both: the generic plan of a
 * prepared statement walked the whole page index looking for a small village's rows.)
 */
public final class Territories {

    /** The regular expression of a division code, for {@code @Pattern} on parameters. */
    public static final String CODE_REGEX = "[0-9]{6}([0-9]{3}){0,3}";

    private static final Pattern CODE = Pattern.compile(CODE_REGEX);

    /** A value no code equals: the subtree of an absent or malformed claim is empty. */
    private static final String NOTHING = "-";

    private Territories() {
    }

    public static boolean isDivisionCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /**
     * The HQL condition "{@code field} lies in the subtree of {@code code}", bound to {@code :param}
     * (set it to {@link #subtreeKey}). Only the code's length goes into the query text; the code
     * itself is a parameter.
     */
    public static String within(String field, String param, String code) {
        return condition(field, ":" + param, code);
    }

    /** {@link #within} for a native query with positional parameters: {@code ?index}. */
    public static String withinPositional(String field, int index, String code) {
        return condition(field, "?" + index, code);
    }

    private static String condition(String field, String placeholder, String code) {
        if (!isDivisionCode(code) || code.length() == 15) return field + " = " + placeholder;
        return "left(" + field + ", " + code.length() + ") = " + placeholder;
    }

    /** The value of {@link #within}'s parameter: the code, or a value that matches nothing. */
    public static String subtreeKey(String code) {
        return isDivisionCode(code) ? code : NOTHING;
    }
}
